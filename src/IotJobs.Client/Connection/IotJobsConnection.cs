using System;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace IotJobs.Client
{
    /// <summary>
    /// Where and as whom to call the service. Anything left unset comes from the SDK's standard
    /// chain: AWS_REGION / AWS_PROFILE / the shared config and credentials files / AWS_ENDPOINT_URL_IOT.
    /// </summary>
    internal sealed class IotJobsConnection
    {
        public string? Region { get; set; }

        /// <summary>
        /// The session's default region (AWS.Tools' $StoredAWSRegion): after the profile's own, before the
        /// environment's.
        /// </summary>
        public string? SessionRegion { get; set; }

        public string? ProfileName { get; set; }
        public string? EndpointUrl { get; set; }
        public AWSCredentials? Credentials { get; set; }

        /// <summary>Sets <see cref="Credentials"/> from keys, for callers that must not handle SDK types.</summary>
        public void UseKeys(string accessKeyId, string secretAccessKey, string? sessionToken) =>
            Credentials = string.IsNullOrEmpty(sessionToken)
                ? new BasicAWSCredentials(accessKeyId, secretAccessKey)
                : (AWSCredentials)new SessionAWSCredentials(accessKeyId, secretAccessKey, sessionToken);

        /// <summary>
        /// Allows an http:// endpoint that is not on this machine (requests then travel unencrypted).
        /// </summary>
        public bool AllowUnencryptedEndpoint { get; set; }

        /// <summary>Told of every attempt: method, URL, status, request id. Never headers, keys or tokens.</summary>
        public Action<AttemptRecord>? ObserveAttempt { get; set; }

        /// <summary>Told of every retry, wait and look the resilience policy decides on (for -Debug).</summary>
        public Action<ResilienceStep>? ObserveStep { get; set; }

        /// <summary>The clock, waits and pacers of the clients made here; a new instance's are the product's.</summary>
        internal IotJobsClientOptions Options { get; set; } = new IotJobsClientOptions();

        /// <summary>Where credentials were looked for, in order, for the error when none are found.</summary>
        public const string DefaultChain =
            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN); AWS_PROFILE, else the default "
            + "profile of the shared config and credentials files (keys, credential_process, SSO or assume-role); "
            + "a web identity token; container and instance credentials";

        /// <summary>
        /// Builds a client; throws <see cref="ArgumentException"/> for a profile or URL that cannot be
        /// used, <see cref="NoRegionException"/> when no source gives a region and
        /// <see cref="NoCredentialsException"/> when no source gives credentials.
        /// </summary>
        public IotJobsClient CreateClient()
        {
            var config = new IotJobsClientConfig
            {
                ObserveAttempt = ObserveAttempt,
                ObserveStep = ObserveStep,
                Options = Options,
            };
            var credentials = Credentials;
            string? region = Region;

            if (!string.IsNullOrEmpty(ProfileName))
            {
                var chain = new CredentialProfileStoreChain();
                if (!chain.TryGetProfile(ProfileName, out var profile))
                    throw new ArgumentException(
                        $"No AWS profile named '{ProfileName}' was found in the shared config or credentials file.",
                        nameof(ProfileName)
                    );
                if (credentials == null && !chain.TryGetAWSCredentials(ProfileName, out credentials))
                    throw new ArgumentException(
                        $"The AWS profile '{ProfileName}' has no usable credentials.",
                        nameof(ProfileName)
                    );
                region ??= profile.Region?.SystemName;
            }
            region ??= SessionRegion ?? FallbackRegionFactory.GetRegionEndpoint(false)?.SystemName;
            if (string.IsNullOrEmpty(region))
                throw new NoRegionException(ProfileName);

            if (!string.IsNullOrEmpty(EndpointUrl))
            {
                if (
                    !Uri.TryCreate(EndpointUrl, UriKind.Absolute, out var uri)
                    || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                )
                    throw new ArgumentException($"'{EndpointUrl}' is not an http(s) URL.", nameof(EndpointUrl));
                config.ServiceURL = EndpointUrl;
            }
            else
            {
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            }
            // With a ServiceURL (given, or from AWS_ENDPOINT_URL_IOT) the signer would otherwise guess the
            // region from the host name (us-east-1 for a local address) instead of the region asked for.
            if (!string.IsNullOrEmpty(config.ServiceURL))
                config.AuthenticationRegion = region;
            RefuseUnencrypted(config.ServiceURL);

            return new IotJobsClient(credentials ?? ResolveDefaultCredentials(config), config);
        }

        /// <summary>
        /// The SDK's chain, asked up front so that a missing credential fails once, saying where it looked.
        /// </summary>
        private static AWSCredentials ResolveDefaultCredentials(IotJobsClientConfig config)
        {
            try
            {
                return Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver.GetCredentials(config);
            }
            catch (AmazonClientException e)
            {
                throw new NoCredentialsException(DefaultChain, e);
            }
        }

        /// <summary>
        /// Plain http is for endpoints on this machine (simulators, tunnels); elsewhere it takes an explicit
        /// allowance.
        /// </summary>
        private void RefuseUnencrypted(string? endpoint)
        {
            if (
                string.IsNullOrEmpty(endpoint)
                || AllowUnencryptedEndpoint
                || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
                || uri.Scheme != Uri.UriSchemeHttp
            )
                return;
            if (!CallerIdentity.IsLocal(uri))
                throw new ArgumentException(
                    $"'{endpoint}' is plain http on another machine: requests would travel unencrypted. Use https, "
                        + "or -AllowUnencryptedEndpoint for an endpoint you trust.",
                    nameof(EndpointUrl)
                );
        }
    }
}
