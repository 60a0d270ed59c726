using System;

namespace IotJobs.Client
{
    /// <summary>
    /// Nothing could be reached where the requests go (connection refused, unknown host, no route, TLS
    /// failure): the command cannot do anything, so it ends once. Says where it tried.
    /// </summary>
    public sealed class ServiceUnreachableException : Exception
    {
        public ServiceUnreachableException(FailureKind kind, ServiceLocation location, Exception inner)
            : base(Capitalized(Describe(kind, location, inner)), inner)
        {
            Kind = kind;
            Location = location;
            Reason = Describe(kind, location, inner);
        }

        /// <summary>What happened, to follow "Cannot list jobs: ".</summary>
        public string Reason { get; }

        public FailureKind Kind { get; }

        public ServiceLocation Location { get; }

        /// <summary>What to check, for the error's recommendation.</summary>
        public string Advice =>
            Kind == FailureKind.Tls
                ? "Check the endpoint's certificate (and any proxy that intercepts TLS), and the machine's clock."
            : Location.Endpoint.Host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase)
                ? $"Check that '{Location.Region}' is an AWS region where AWS IoT is offered "
                    + "(-Region, AWS_REGION, the profile's region), "
                    + "and that this machine can reach it (DNS, proxy, firewall)."
            : "Check -EndpointUrl (or AWS_ENDPOINT_URL_IOT): is the service or simulator running there, "
                + "and reachable from this machine?";

        private static string Describe(FailureKind kind, ServiceLocation location, Exception inner)
        {
            string why = Innermost(inner).Message.TrimEnd('.');
            return kind == FailureKind.Tls
                ? $"the TLS connection to {location.EndpointUrl} (region {location.Region}) failed: {why}"
                : $"nothing answers at {location.EndpointUrl} (region {location.Region}): {why}";
        }

        private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1) + ".";

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException != null)
                e = e.InnerException;
            return e;
        }
    }
}
