using System;

namespace IotJobs.Client
{
    /// <summary>
    /// Where a client's requests go: the region they are signed for and the endpoint they are sent to.
    /// Every object the module reads is stamped with it, so a later change acts where the object was found.
    /// </summary>
    public sealed class ServiceLocation
    {
        public ServiceLocation(string region, Uri endpoint)
        {
            Region = region;
            Endpoint = endpoint;
        }

        public string Region { get; }

        public Uri Endpoint { get; }

        /// <summary>The endpoint as users write it for -EndpointUrl: scheme, host, port, no trailing slash.</summary>
        public string EndpointUrl => Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');

        public override string ToString() => $"{Region} at {EndpointUrl}";
    }
}
