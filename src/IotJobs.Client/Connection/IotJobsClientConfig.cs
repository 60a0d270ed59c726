using System;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace IotJobs.Client
{
    /// <summary>
    /// SDK configuration for the IoT control plane (service id "IoT", signing name "iot",
    /// https://iot.{region}.{dnsSuffix}). Retries are <see cref="ResiliencePolicy"/>'s, not the SDK's.
    /// </summary>
    internal sealed class IotJobsClientConfig : ClientConfig
    {
        /// <summary>
        /// The service id: it is what makes AWS_ENDPOINT_URL_IOT and a profile's [services] section apply.
        /// </summary>
        internal const string ServiceIdentifier = "IoT";

        private static readonly string Version = typeof(IotJobsClientConfig).Assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";

        public IotJobsClientConfig()
            : base(new StandardRetryDefaults())
        {
            ServiceId = ServiceIdentifier;
            AuthenticationServiceName = "iot";
            // ResiliencePolicy is the one place that retries: the SDK's own retries, and its retries of a
            // dropped pooled connection (which would send again a change the service applied), are off.
            MaxErrorRetry = 0;
            MaxStaleConnectionRetries = 0;
        }

        /// <summary>
        /// Whether requests wait for the endpoint's shared <see cref="RequestPacer"/> (default true).
        /// Off, the client behaves like a plain SDK client: throttling is met by retries alone.
        /// </summary>
        public bool PaceRequests { get; set; } = true;

        /// <summary>The clock, waits and pacers of the client made with this configuration.</summary>
        internal IotJobsClientOptions Options { get; set; } = new IotJobsClientOptions();

        /// <summary>Told of every attempt (method, URL, status, request id), on whatever thread it ends.</summary>
        public Action<AttemptRecord>? ObserveAttempt { get; set; }

        /// <summary>
        /// Told of every decision <see cref="ResiliencePolicy"/> takes after a failed attempt (a wait, a retry, a look
        /// after a lost answer), on whatever thread it is taken.
        /// </summary>
        public Action<ResilienceStep>? ObserveStep { get; set; }

        public override string RegionEndpointServiceName => "iot";

        public override string ServiceVersion => "2015-05-28";

        public override string UserAgent => "IotJobs/" + Version;

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
        {
            if (!string.IsNullOrEmpty(ServiceURL))
                return new Endpoint(ServiceURL);
            var region = parameters.AlternateEndpoint
                ?? RegionEndpoint
                ?? throw new AmazonClientException(
                    "No AWS region is set: pass -Region, set AWS_REGION, or give the profile a region."
                );
            return new Endpoint(RegionalEndpoint(region));
        }

        /// <summary>
        /// Where this configuration sends requests: the ServiceURL (given, or from AWS_ENDPOINT_URL_IOT), else the
        /// region's endpoint.
        /// </summary>
        internal ServiceLocation Location()
        {
            string region = AuthenticationRegion
                ?? RegionEndpoint?.SystemName
                ?? throw new InvalidOperationException("The configuration has neither a region nor a signing region.");
            string url = string.IsNullOrEmpty(ServiceURL) ? RegionalEndpoint(RegionEndpoint!) : ServiceURL;
            return new ServiceLocation(region, new Uri(url));
        }

        private static string RegionalEndpoint(RegionEndpoint region) =>
            $"https://iot.{region.SystemName}.{region.PartitionDnsSuffix}";

        /// <summary>
        /// The SDK asks for defaults by mode (AWS_DEFAULTS_MODE); every mode gets Standard retries,
        /// because the Adaptive mode stalls bulk work after throttling.
        /// </summary>
        private sealed class StandardRetryDefaults : IDefaultConfigurationProvider
        {
            public IDefaultConfiguration GetDefaultConfiguration(
                RegionEndpoint clientRegion,
                DefaultConfigurationMode? requestedConfigurationMode
            ) =>
                new DefaultConfiguration
                {
                    Name = requestedConfigurationMode ?? DefaultConfigurationMode.Standard,
                    RetryMode = RequestRetryMode.Standard,
                };
        }
    }
}
