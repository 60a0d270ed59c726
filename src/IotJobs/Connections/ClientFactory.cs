using System;
using IotJobs.Client;
using IotJobs.Cmdlets;

namespace IotJobs.Connections;

/// <summary>
/// The one mapping from connection settings to a client, for the cmdlets and for tab completion alike: the
/// runspace's test client when one is set (<see cref="ClientOverride"/>), else a client of our own over the AWS
/// SDK, with the settings' credentials (a PSCredential or AWS.Tools credentials) turned into keys.
/// </summary>
internal static class ClientFactory
{
    /// <summary>
    /// A client for the settings. Throws what <see cref="IsSettingsFailure"/> names when the settings cannot give
    /// one: a profile, URL or credential object that cannot be used, no region, no credentials.
    /// </summary>
    /// <param name="observeAttempt">Told of every attempt of every request (for -Verbose); never secrets.</param>
    /// <param name="observeStep">Told of every retry, wait and look the client's resilience policy decides on.</param>
    public static IIotJobsClient Create(
        ConnectionSettings with,
        IotJobsClientOptions options,
        Action<AttemptRecord>? observeAttempt,
        Action<ResilienceStep>? observeStep
    ) => ClientOverride.ForCurrentRunspace() ?? Connect(with, options, observeAttempt, observeStep);

    /// <summary>
    /// <see cref="Create"/>, to be called later on any thread (resolving credentials can take a while: an SSO or
    /// assume-role profile, a credential process): the runspace's test client is looked up now, on the calling
    /// thread, as a thread of the pool has no runspace. Owned: whether the client made is the caller's to dispose.
    /// </summary>
    public static (Func<IIotJobsClient> Make, bool Owned) Later(ConnectionSettings with, IotJobsClientOptions options)
    {
        var injected = ClientOverride.ForCurrentRunspace();
        return injected != null ? (() => injected, false) : (() => Connect(with, options, null, null), true);
    }

    /// <summary>Our own client over the AWS SDK, for the settings.</summary>
    private static IIotJobsClient Connect(
        ConnectionSettings with,
        IotJobsClientOptions options,
        Action<AttemptRecord>? observeAttempt,
        Action<ResilienceStep>? observeStep
    )
    {
        var connection = new IotJobsConnection
        {
            Region = with.Region,
            SessionRegion = with.SessionRegion,
            ProfileName = with.ProfileName,
            EndpointUrl = with.EndpointUrl,
            AllowUnencryptedEndpoint = with.AllowUnencryptedEndpoint,
            ObserveAttempt = observeAttempt,
            ObserveStep = observeStep,
            Options = options,
        };
        if (with.Credential != null)
        {
            var credential = CredentialAdapter.From(with.Credential);
            connection.UseKeys(credential.AccessKeyId, credential.SecretAccessKey, credential.SessionToken);
        }
        return connection.CreateClient();
    }

    /// <summary>Whether clients made here are the command's to dispose: an injected one stays its owner's.</summary>
    public static bool MakesOwnClients => ClientOverride.ForCurrentRunspace() == null;

    /// <summary>What a client made for the settings talks to, as a key: the same key, the same answers.</summary>
    public static string SourceKey(ConnectionSettings with) =>
        ClientOverride.ForCurrentRunspace() is { } injected
            ? "injected " + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(injected)
            : with.Key;

    /// <summary>The settings cannot give a client: no item can succeed, and the command ends once.</summary>
    public static bool IsSettingsFailure(Exception e) =>
        e is ArgumentException || e is NoRegionException || e is NoCredentialsException;
}
