using System.Management.Automation;
using IotJobs.Simulator;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Security;

/// <summary>-Verbose says which request went where; no stream ever carries a key, a signature or a token.</summary>
public sealed class VerboseTests
{
    private const string Secret = "wJalrXUtnFEMI-known-secret-key-K7MDENG";
    private const string Token = "IQoJb3JpZ2luX2VjEKnown-session-token-Zz9";

    /// <summary>
    /// Credentials shaped as AWS.Tools hands them around, with a session token: the key ASIAKNOWNSECRETS, and the
    /// secret and token of the session's $secretKey and $token. Show runs a script block and writes, as text, all
    /// it wrote on every stream, errors with their details and their whole exception.
    /// </summary>
    private const string KnownSecrets = """
        class Immutable { [string]$AccessKey; [string]$SecretKey; [string]$Token }
        class Creds {
            [object] GetCredentials() {
                return [Immutable]@{
                    AccessKey = 'ASIAKNOWNSECRETS'; SecretKey = $script:secretKey; Token = $script:token
                }
            }
        }
        function Show([scriptblock] $Run) {
            & $Run *>&1 | ForEach-Object {
                "$_"
                if ($_ -is [System.Management.Automation.ErrorRecord]) {
                    $_.ErrorDetails.Message
                    $_.Exception.ToString()
                }
            }
        }
        """;

    /// <summary>A session whose $secretKey and $token are the secrets <see cref="KnownSecrets"/> hands out.</summary>
    private static PsSession WithKnownSecrets(IotJobsSimulator sim)
    {
        var ps = PsSession.Start(sim);
        ps.SetVariable("secretKey", Secret);
        ps.SetVariable("token", Token);
        return ps;
    }

    /// <summary>Everything a run showed: its output, what its host printed, and its errors.</summary>
    private static string Everything(PsResult r) =>
        string.Join("\n", r.Output.Select(o => o?.ToString()))
        + r.HostText
        + string.Join("\n", r.Errors.Select(e => e.ToString()));

    [Fact]
    public async Task Verbose_shows_method_url_status_attempt_and_request_id()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "CANCELED");
        sim.Faults.Add(new FaultRule(FaultKind.ServiceUnavailable) { Operation = "DeleteJob", Times = 1 });
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Remove-IotJob j -Force -Verbose 4>&1");

        var lines = r.Output.Select(o => o.BaseObject).OfType<VerboseRecord>().Select(v => v.Message).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Matches(
            $@"^GET {sim.Endpoint}jobs\?maxResults=250&namespaceId=aws-gg-deployment -> 200 "
                + @"\(attempt 1, request id [0-9a-f-]{36}, \d+ ms\)$",
            lines[0]
        );
        Assert.Matches(
            $@"^DELETE {sim.Endpoint}jobs/j\?force=true -> 503 ServiceUnavailableException "
                + @"\(attempt 1, request id [0-9a-f-]{36}, \d+ ms\)$",
            lines[1]
        );
        Assert.Matches(
            $@"^DELETE {sim.Endpoint}jobs/j\?force=true -> 200 \(attempt 2, request id [0-9a-f-]{{36}}, \d+ ms\)$",
            lines[2]
        );
    }

    [Fact]
    public async Task No_stream_shows_the_secret_key_the_session_token_or_a_signature()
    {
        await using var sim = await Sim.StartAsync(o =>
            o.Credentials["ASIAKNOWNSECRETS"] = new SimulatorCredential(Secret, Token)
        );
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "t", "IN_PROGRESS");
        sim.Faults.Add(new FaultRule(FaultKind.Throttle) { Times = 2 });
        using var ps = WithKnownSecrets(sim);

        var r = ps.Run(
            KnownSecrets
                + """

                $c = [Creds]::new()
                $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'
                Show {
                    Get-IotJob -Credential $c
                    Get-IotJob missing -Credential $c
                    Stop-IotJobExecution j t -Credential $c
                    Stop-IotJob j -Credential $c -PassThru -WhatIf
                    Remove-IotJob j -Credential $c -Force -Wait -PassThru
                }
                """
        );

        string everything = Everything(r);
        // Verbose lines were produced.
        Assert.True(everything.Contains($"GET {sim.Endpoint}jobs?maxResults=250 -> 200"), everything);
        Assert.Contains("ThrottlingException (attempt 1", everything);
        // The secrets were really in use.
        Assert.Contains(sim.Requests, q => q.Headers.GetValueOrDefault("x-amz-security-token") == Token);
        foreach (
            var forbidden in new[]
            {
                Secret,
                Token,
                "Signature=",
                "Authorization",
                "X-Amz-Security-Token",
                "ASIAKNOWNSECRETS",
            }
        )
            Assert.DoesNotContain(forbidden, everything, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// AWS answers a signature mismatch with the canonical request it expected, signed headers and the session token
    /// among them: the module says the credentials were not accepted, and quotes none of that.
    /// </summary>
    [Fact]
    public async Task A_signature_mismatch_shows_neither_the_canonical_request_nor_the_token()
    {
        await using var sim = await Sim.StartAsync(o =>
            o.Credentials["ASIAKNOWNSECRETS"] = new SimulatorCredential("the-secret-the-service-knows", Token)
        );
        sim.Store.AddJob("j");
        using var ps = WithKnownSecrets(sim);

        var r = ps.Run(
            KnownSecrets
                + """

                try {
                    Show { Get-IotJob j -Credential ([Creds]::new()) -Verbose -Debug }
                } catch {
                    $_.ErrorDetails.Message
                    $_.Exception.ToString()
                }
                """
        );

        string everything = Everything(r);
        // The answer quoted the token, and the module said what went wrong.
        var answer = Assert.Single(sim.Requests, q => q.Status == 403);
        Assert.Equal(Token, answer.Headers.GetValueOrDefault("x-amz-security-token"));
        Assert.Contains("did not accept the credentials", everything);
        foreach (var forbidden in new[] { Token, Secret, "Canonical String", "String-to-Sign", "x-amz-security-token" })
            Assert.DoesNotContain(forbidden, everything, StringComparison.OrdinalIgnoreCase);
    }
}
