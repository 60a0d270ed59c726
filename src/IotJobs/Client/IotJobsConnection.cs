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
    public sealed class IotJobsConnection
    {
        public string? Region { get; set; }
        public string? ProfileName { get; set; }
        public string? EndpointUrl { get; set; }
        public AWSCredentials? Credentials { get; set; }

        /// <summary>Builds a client; throws <see cref="ArgumentException"/> for a profile or URL that cannot be used.</summary>
        public IotJobsClient CreateClient()
        {
            var config = new IotJobsClientConfig();
            var credentials = Credentials;
            string? region = Region;

            if (!string.IsNullOrEmpty(ProfileName))
            {
                var chain = new CredentialProfileStoreChain();
                if (!chain.TryGetProfile(ProfileName, out var profile))
                    throw new ArgumentException($"No AWS profile named '{ProfileName}' was found in the shared config or credentials file.", nameof(ProfileName));
                if (credentials == null && !chain.TryGetAWSCredentials(ProfileName, out credentials))
                    throw new ArgumentException($"The AWS profile '{ProfileName}' has no usable credentials.", nameof(ProfileName));
                region ??= profile.Region?.SystemName;
            }

            if (!string.IsNullOrEmpty(EndpointUrl))
            {
                if (!Uri.TryCreate(EndpointUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                    throw new ArgumentException($"'{EndpointUrl}' is not an http(s) URL.", nameof(EndpointUrl));
                // With a ServiceURL the signer would otherwise guess the region from the host name
                // (us-east-1 for a local address) instead of the region asked for.
                region ??= FallbackRegionFactory.GetRegionEndpoint(false)?.SystemName;
                config.ServiceURL = EndpointUrl;
                if (region != null) config.AuthenticationRegion = region;
            }
            else if (region != null)
            {
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            }

            return new IotJobsClient(credentials, config);
        }
    }
}
