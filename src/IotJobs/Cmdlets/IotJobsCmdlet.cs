using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Cmdlets.Bulk;
using IotJobs.Cmdlets.Connection;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// What every IotJobs cmdlet shares: the connection parameters, the client's lifetime,
    /// cancellation (Ctrl+C cancels the request in flight), the per-item confirmation rule and
    /// the mapping of failures to error records.
    /// </summary>
    public abstract class IotJobsCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();
        private readonly System.Collections.Concurrent.ConcurrentQueue<AttemptRecord> attempts = new System.Collections.Concurrent.ConcurrentQueue<AttemptRecord>();
        private IIotJobsClient? client;

        /// <summary>The AWS region, e.g. eu-west-1. Default: AWS_REGION, then the profile's region.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        /// <summary>A profile of the shared AWS config and credentials files. Default: AWS_PROFILE, then "default".</summary>
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

        protected CancellationToken Cancellation => cancellation.Token;

        /// <summary>The client, for work that runs off the pipeline thread; on it, prefer <see cref="Call{T}"/>.</summary>
        internal IIotJobsClient Client => client!;

        protected override void BeginProcessing()
        {
            // Connect before the first pipeline item, so a bad profile or URL fails once, up front.
            var injected = ClientOverride.ForCurrentRunspace();
            if (injected != null)
            {
                client = new RetryingClient(injected, ownsInner: false);
                return;
            }
            try
            {
                client = new RetryingClient(Connection().CreateClient(), ownsInner: true);
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "InvalidConnectionSettings", ErrorCategory.InvalidArgument, null));
            }
            catch (NoCredentialsException e)
            {
                string tried = "-Credential and -ProfileName (not given); $StoredAWSCredentials of AWS.Tools (not set); " + e.Tried;
                ThrowTerminatingError(new ErrorRecord(e, "NoCredentials", ErrorCategory.AuthenticationError, null)
                {
                    ErrorDetails = new ErrorDetails($"No AWS credentials were found. Tried, in order: {tried}. " +
                        "Pass -ProfileName or -Credential, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a default profile."),
                });
            }
        }

        /// <summary>
        /// Where and as whom to connect: this command's parameters first, then the session defaults
        /// AWS.Tools leaves ($StoredAWSRegion, $StoredAWSCredentials), then the SDK's standard chain.
        /// </summary>
        private IotJobsConnection Connection()
        {
            var storedCredentials = Credential == null && ProfileName == null ? SessionState.PSVariable.GetValue("StoredAWSCredentials") : null;
            var storedRegion = Region == null && ProfileName == null ? SessionState.PSVariable.GetValue("StoredAWSRegion") as string : null;
            var credentials = Credential ?? storedCredentials;
            var connection = new IotJobsConnection
            {
                Region = Region ?? (string.IsNullOrEmpty(storedRegion) ? null : storedRegion),
                ProfileName = ProfileName,
                EndpointUrl = EndpointUrl,
                AllowUnencryptedEndpoint = AllowUnencryptedEndpoint,
                ObserveAttempt = attempt => attempts.Enqueue(attempt),
            };
            if (credentials != null)
            {
                var (accessKey, secretKey, token) = CredentialAdapter.KeysOf(credentials);
                connection.UseKeys(accessKey, secretKey, token);
            }
            return connection;
        }

        /// <summary>Writes the attempts reported since the last call as verbose lines; pipeline thread only.</summary>
        protected void WriteAttempts()
        {
            while (attempts.TryDequeue(out var attempt)) WriteVerbose(attempt.ToString());
        }

        protected override void StopProcessing() => cancellation.Cancel();

        public void Dispose()
        {
            // Work still running (after a terminating error) must not outlive the command.
            cancellation.Cancel();
            DisposeBatch();
            client?.Dispose();
            cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases what a derived cmdlet holds for its batch.</summary>
        private protected virtual void DisposeBatch()
        {
        }

        /// <summary>Runs one service call on the pipeline thread; Ctrl+C abandons it at once.</summary>
        protected T Call<T>(Func<IIotJobsClient, CancellationToken, Task<T>> call)
        {
            try
            {
                return call(client!, cancellation.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                WriteAttempts();
            }
        }

        /// <summary>
        /// Follows nextToken to the end, writing each item as soon as its page arrives. Nothing here
        /// catches what WriteObject throws, so a downstream stop (Select-Object -First) ends paging.
        /// </summary>
        protected void WritePages<TPage>(Func<IIotJobsClient, string?, CancellationToken, Task<TPage>> fetchPage, Func<TPage, IEnumerable<object>> items, Func<TPage, string?> nextToken)
        {
            string? token = null;
            do
            {
                var page = Call((c, ct) => fetchPage(c, token, ct));
                foreach (var item in items(page)) WriteObject(item);
                token = nextToken(page);
            }
            while (!string.IsNullOrEmpty(token));
        }

        /// <summary>Failures of a service call that belong to one item: the service's answers and transport faults.</summary>
        protected static bool IsCallFailure(Exception e) => ServiceFailure.IsCallFailure(e);

        /// <summary>Reports one item's failure and goes on with the next, unless no item can succeed.</summary>
        /// <param name="reason">Replaces the service's own words where the cmdlet knows better.</param>
        protected void WriteItemError(Exception e, string action, string subject, object target, bool forced, string? reason = null)
        {
            var record = ErrorMapper.ToRecord(e, action, subject, target, forced, reason, out bool terminating);
            if (terminating) ThrowTerminatingError(record);
            WriteError(record);
        }

        /// <summary>
        /// The per-item safety rule. -WhatIf always wins (describe, change nothing); -Force skips the
        /// prompt unless -Confirm was given explicitly; otherwise ShouldProcess asks as
        /// $ConfirmPreference and the cmdlet's ConfirmImpact say.
        /// </summary>
        protected bool Approve(string description, bool force)
        {
            if (force && !WhatIfRequested && !ConfirmRequested) return true;
            return ShouldProcess(description + ".", $"Are you sure you want to {char.ToLowerInvariant(description[0])}{description.Substring(1)}?", "Confirm");
        }

        /// <summary>
        /// Reads an item's current state for its What-if line or prompt. When it cannot be read
        /// (the item does not exist), reports that as the item's error and returns false.
        /// </summary>
        protected bool TryRead<T>(Func<T> read, string action, string subject, object target, bool forced, out T value)
        {
            try
            {
                value = read();
                return true;
            }
            catch (Exception e) when (IsCallFailure(e))
            {
                WriteItemError(e, action, subject, target, forced);
                value = default!;
                return false;
            }
        }

        /// <summary>True when Approve will show the item to a person (What if, or a prompt): worth describing it first.</summary>
        protected bool WillShowItem(bool force) => WhatIfRequested || ConfirmRequested || (!force && WillPromptByPreference);

        private bool WhatIfRequested =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var v)
                ? ((SwitchParameter)v).IsPresent
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

        private bool ConfirmRequested =>
            MyInvocation.BoundParameters.TryGetValue("Confirm", out var v) && ((SwitchParameter)v).IsPresent;

        private bool WillPromptByPreference
        {
            get
            {
                var impact = GetType().GetCustomAttribute<CmdletAttribute>()?.ConfirmImpact ?? ConfirmImpact.Medium;
                var preference = LanguagePrimitives.ConvertTo<ConfirmImpact>(SessionState.PSVariable.GetValue("ConfirmPreference") ?? ConfirmImpact.High);
                return preference != ConfirmImpact.None && impact >= preference;
            }
        }
    }
}
