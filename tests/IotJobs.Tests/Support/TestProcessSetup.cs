using System.Runtime.CompilerServices;

namespace IotJobs.Tests.Support;

/// <summary>
/// AWSSDK.Core reads the shared config and credentials file locations once per process, so they
/// are pinned here, before any test touches the SDK: to files of this test run, so the machine's
/// own ~/.aws never leaks into a test, and profile tests can write them.
/// </summary>
public static class TestProcessSetup
{
    public static string SharedFilesFolder { get; } =
        Path.Combine(Path.GetTempPath(), "iotjobs-tests-" + Environment.ProcessId);

    public static string CredentialsFile => Path.Combine(SharedFilesFolder, "credentials");

    public static string ConfigFile => Path.Combine(SharedFilesFolder, "config");

    [ModuleInitializer]
    public static void PinSharedFiles()
    {
        Directory.CreateDirectory(SharedFilesFolder);
        File.WriteAllText(CredentialsFile, "");
        File.WriteAllText(ConfigFile, "");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", ConfigFile);
        // No test may wait for an instance metadata service that is not there.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        foreach (
            var v in new[]
            {
                "AWS_PROFILE",
                "AWS_REGION",
                "AWS_DEFAULT_REGION",
                "AWS_SESSION_TOKEN",
                "AWS_ENDPOINT_URL",
                "AWS_ENDPOINT_URL_IOT",
            }
        )
            Environment.SetEnvironmentVariable(v, null);
        // Cmdlets under test find their credentials where a user's would: every simulator accepts these.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", IotJobs.Simulator.SimulatorOptions.DefaultAccessKeyId);
        Environment.SetEnvironmentVariable(
            "AWS_SECRET_ACCESS_KEY",
            IotJobs.Simulator.SimulatorOptions.DefaultSecretAccessKey
        );
    }
}
