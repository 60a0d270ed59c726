using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Cmdlets.Connection;
using IotJobs.Cmdlets.Items;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// What every IotJobs cmdlet shares: the connection parameters and the connections made from them
    /// (the command's own, and one for each place piped items were found), cancellation (Ctrl+C cancels
    /// the request in flight), the per-item confirmation rule and the mapping of failures to error records.
    /// </summary>
    public abstract class IotJobsCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();
        private readonly ConcurrentQueue<AttemptRecord> attempts = new ConcurrentQueue<AttemptRecord>();
        private readonly ConcurrentQueue<string> notes = new ConcurrentQueue<string>();
        private ConnectionSettings? settings;
        private ConnectionPool? pool;

        /// <summary>The AWS region, e.g. eu-west-1. Default: where a piped item was found, else AWS_REGION, then the profile's region.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        /// <summary>A profile of the shared AWS config and credentials files. Default: the profile a piped item was read with, else AWS_PROFILE, then "default".</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProfileName { get; set; }

        /// <summary>Another endpoint for the IoT API, such as a VPC endpoint or a local simulator.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EndpointUrl { get; set; }

        /// <summary>
        /// Credentials for this command: a PSCredential (access key as user name, secret key as
        /// password) or AWS.Tools credentials. Typed loosely on purpose: AWS.Tools' credential types
        /// come from its own copy of the AWS SDK.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public object? Credential { get; set; }

        /// <summary>Allows an http:// -EndpointUrl on another machine; requests then travel unencrypted.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedEndpoint { get; set; }

        /// <summary>
        /// The piped object itself, bound beside the properties that name the item: it tells what kind of
        /// item it is and where it was found. Not for the command line.
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected CancellationToken Cancellation => cancellation.Token;

        protected override void BeginProcessing() =>
            pool = new ConnectionPool(CreateClient, ClientOverride.ForCurrentRunspace() == null);

        /// <summary>The command's own connection, for strings, plain objects and listings; made on first use.</summary>
        internal ItemConnection CommandConnection => pool!.For(Settings);

        /// <summary>
        /// The connection for an item: where a piped module object was found, else the command's own. Refuses,
        /// with nothing sent, an explicit -Region or -EndpointUrl that contradicts where the item was found,
        /// and a plain object that names another region or endpoint than the command's.
        /// </summary>
        internal ItemConnection ConnectionFor(PipedItem? piped)
        {
            var live = piped?.Live;
            if (live?.Region != null && live.EndpointUrl != null)
            {
                if (
                    Settings.RegionGiven
                    && !string.Equals(Settings.Region, live.Region, StringComparison.OrdinalIgnoreCase)
                )
                    throw Refusals.Region(live.Region, Settings.Region!);
                if (Settings.EndpointGiven && !ConnectionSettings.SameEndpoint(Settings.EndpointUrl!, live.EndpointUrl))
                    throw Refusals.Endpoint(live.EndpointUrl, Settings.EndpointUrl!);
                return pool!.For(Settings.At(live));
            }
            var own = CommandConnection;
            if (
                piped?.Region != null
                && !string.Equals(piped.Region, own.Location.Region, StringComparison.OrdinalIgnoreCase)
            )
                throw Refusals.ClaimedPlace("region", piped.Region, own.Location);
            if (
                piped?.EndpointUrl != null
                && !ConnectionSettings.SameEndpoint(piped.EndpointUrl, own.Location.EndpointUrl)
            )
                throw Refusals.ClaimedPlace("endpoint", piped.EndpointUrl, own.Location);
            return own;
        }

        /// <summary>
        /// Refuses an item whose account is not the one this connection's credentials belong to. A module
        /// object read with the same credentials is in their account already; otherwise the account is
        /// asked of STS, once per connection.
        /// </summary>
        internal static async Task CheckAccountAsync(
            PipedItem? piped,
            ItemConnection connection,
            CancellationToken cancellationToken
        )
        {
            if (piped?.AccountId == null)
                return;
            if (piped.Live != null && piped.Live.CredentialSource == connection.Settings.CredentialSource)
                return;
            string caller;
            try
            {
                caller = await connection.Client.GetCallerAccountAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (ServiceFailure.IsCallFailure(e) && !cancellationToken.IsCancellationRequested)
            {
                throw Refusals.AccountUnknown(piped.AccountId, e.Message);
            }
            if (caller != piped.AccountId)
                throw Refusals.Account(piped.AccountId, caller, piped.Live?.ProfileName);
        }

        private ConnectionSettings Settings => settings ??= CommandSettings();

        /// <summary>
        /// This command's parameters first, then the session defaults AWS.Tools leaves
        /// ($StoredAWSRegion, $StoredAWSCredentials); the SDK's standard chain fills in the rest.
        /// </summary>
        private ConnectionSettings CommandSettings()
        {
            var storedCredentials =
                Credential == null && ProfileName == null
                    ? SessionState.PSVariable.GetValue("StoredAWSCredentials")
                    : null;
            var storedRegion = SessionState.PSVariable.GetValue("StoredAWSRegion") as string;
            return new ConnectionSettings(
                Region,
                string.IsNullOrEmpty(storedRegion) ? null : storedRegion,
                ProfileName,
                EndpointUrl,
                Credential ?? storedCredentials,
                AllowUnencryptedEndpoint,
                regionGiven: Region != null,
                endpointGiven: EndpointUrl != null,
                credentialsGiven: Credential != null || ProfileName != null
            );
        }

        /// <summary>A client for the settings; a connection that cannot be made ends the command, once.</summary>
        private IIotJobsClient CreateClient(ConnectionSettings with)
        {
            var injected = ClientOverride.ForCurrentRunspace();
            if (injected != null)
                return injected;
            try
            {
                var connection = new IotJobsConnection
                {
                    Region = with.Region,
                    SessionRegion = with.SessionRegion,
                    ProfileName = with.ProfileName,
                    EndpointUrl = with.EndpointUrl,
                    AllowUnencryptedEndpoint = with.AllowUnencryptedEndpoint,
                    ObserveAttempt = attempt => attempts.Enqueue(attempt),
                    ObserveWait = Note,
                };
                if (with.Credential != null)
                {
                    var (accessKey, secretKey, token) = CredentialAdapter.KeysOf(with.Credential);
                    connection.UseKeys(accessKey, secretKey, token);
                }
                return connection.CreateClient();
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(
                    new ErrorRecord(e, "InvalidConnectionSettings", ErrorCategory.InvalidArgument, null)
                    {
                        ErrorDetails = new ErrorDetails(e.Message),
                    }
                );
                throw;
            }
            catch (NoRegionException e)
            {
                string profile = e.ProfileName == null ? "" : $"the region of profile '{e.ProfileName}'; ";
                ThrowTerminatingError(
                    new ErrorRecord(e, "NoRegion", ErrorCategory.InvalidArgument, null)
                    {
                        ErrorDetails = new ErrorDetails(
                            "No AWS region was found. Looked in, in order: -Region (not given); "
                                + profile
                                + "$StoredAWSRegion of AWS.Tools (not set); AWS_REGION and AWS_DEFAULT_REGION (not set); the region of the profile in use "
                                + "(AWS_PROFILE, else [default] in the shared config file) (none)."
                        )
                        {
                            RecommendedAction =
                                "Pass -Region (for example -Region eu-west-1), set AWS_REGION, run Set-DefaultAWSRegion, "
                                + "or add 'region = eu-west-1' to the profile in ~/.aws/config.",
                        },
                    }
                );
                throw;
            }
            catch (NoCredentialsException e)
            {
                string tried =
                    "-Credential and -ProfileName (not given); $StoredAWSCredentials of AWS.Tools (not set); "
                    + e.Tried;
                ThrowTerminatingError(
                    new ErrorRecord(e, "NoCredentials", ErrorCategory.AuthenticationError, null)
                    {
                        ErrorDetails = new ErrorDetails($"No AWS credentials were found. Tried, in order: {tried}.")
                        {
                            RecommendedAction =
                                "Pass -ProfileName or -Credential, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a default profile.",
                        },
                    }
                );
                throw;
            }
        }

        /// <summary>
        /// Says what the command is doing, from any thread (waiting for a service limit, say): written on the
        /// pipeline thread, in order, by <see cref="WriteMeanwhile"/>.
        /// </summary>
        internal void Note(string text) => notes.Enqueue(text);

        /// <summary>Writes the attempts and notes reported since the last call, as verbose lines; pipeline thread only.</summary>
        private protected virtual void WriteMeanwhile()
        {
            while (attempts.TryDequeue(out var attempt))
                WriteVerbose(attempt.ToString());
            while (notes.TryDequeue(out var note))
                ShowNote(note);
        }

        /// <summary>A note, as a verbose line; the Stop- and Remove- cmdlets show it in their progress too.</summary>
        private protected virtual void ShowNote(string note) => WriteVerbose(note);

        protected override void StopProcessing() => cancellation.Cancel();

        public void Dispose()
        {
            // Work still running (after a terminating error) must not outlive the command.
            cancellation.Cancel();
            DisposeBatch();
            pool?.Dispose();
            cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases what a derived cmdlet holds for its batch.</summary>
        private protected virtual void DisposeBatch() { }

        /// <summary>Runs one service call on the pipeline thread; Ctrl+C abandons it at once.</summary>
        internal T Call<T>(ItemConnection connection, Func<IIotJobsClient, CancellationToken, Task<T>> call)
        {
            try
            {
                return call(connection.Client, cancellation.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                WriteMeanwhile();
            }
        }

        /// <summary>
        /// Follows nextToken to the end, writing each item as soon as its page arrives. Nothing here
        /// catches what WriteObject throws, so a downstream stop (Select-Object -First) ends paging.
        /// </summary>
        internal void WritePages<TPage>(
            ItemConnection connection,
            Func<IIotJobsClient, string?, CancellationToken, Task<TPage>> fetchPage,
            Func<TPage, IEnumerable<object>> items,
            Func<TPage, string?> nextToken
        )
        {
            string? token = null;
            do
            {
                var page = Call(connection, (c, ct) => fetchPage(c, token, ct));
                foreach (var item in items(page))
                    WriteObject(item);
                token = nextToken(page);
            } while (!string.IsNullOrEmpty(token));
        }

        /// <summary>Failures of a service call that belong to one item: the service's answers and transport faults.</summary>
        internal static bool IsCallFailure(Exception e) =>
            e is ItemRefusedException || e is Backup.BackupFailedException || ServiceFailure.IsCallFailure(e);

        /// <summary>Reports one item's failure and goes on with the next, unless no item can succeed.</summary>
        internal void WriteItemError(Exception e, Attempt attempt, Explanation? explanation = null)
        {
            var record = ErrorMapper.ToRecord(e, attempt, explanation, out bool terminating);
            if (terminating)
                ThrowTerminatingError(record);
            WriteError(record);
        }

        /// <summary>
        /// The per-item safety rule. -WhatIf always wins (describe, change nothing); -Force skips the
        /// prompt unless -Confirm was given explicitly; otherwise ShouldProcess asks as
        /// $ConfirmPreference and the cmdlet's ConfirmImpact say.
        /// </summary>
        internal bool Approve(string description, bool force)
        {
            if (force && !WhatIfRequested && !ConfirmRequested)
                return true;
            return ShouldProcess(
                description + ".",
                $"Are you sure you want to {char.ToLowerInvariant(description[0])}{description.Substring(1)}?",
                "Confirm"
            );
        }

        /// <summary>True when the item will only be described, as -WhatIf (or $WhatIfPreference) asks.</summary>
        internal bool WhatIfRequested =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var v)
                ? ((SwitchParameter)v).IsPresent
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

        /// <summary>True when Approve will ask a person: worth reading the item's freshest state first.</summary>
        internal bool WillPrompt(bool force)
        {
            if (WhatIfRequested)
                return false;
            if (MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
                return ((SwitchParameter)confirm).IsPresent;
            if (force)
                return false;
            var impact = GetType().GetCustomAttribute<CmdletAttribute>()?.ConfirmImpact ?? ConfirmImpact.Medium;
            var preference = LanguagePrimitives.ConvertTo<ConfirmImpact>(
                SessionState.PSVariable.GetValue("ConfirmPreference") ?? ConfirmImpact.High
            );
            return preference != ConfirmImpact.None && impact >= preference;
        }

        private bool ConfirmRequested =>
            MyInvocation.BoundParameters.TryGetValue("Confirm", out var v) && ((SwitchParameter)v).IsPresent;
    }
}
