using System.Collections.Generic;
using System.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace IotJobs.Client
{
    /// <summary>
    /// The SDK's Standard retry mode (3 attempts; throttling, 5xx and connection faults), except that
    /// LimitExceededException is not treated as throttling. For DeleteJob it means "10 deletions
    /// already in progress", which only waiting for them cures, so the caller must see it at once.
    /// </summary>
    internal sealed class IotRetryPolicy : StandardRetryPolicy
    {
        public IotRetryPolicy(IClientConfig config)
            : base(config)
        {
            ThrottlingErrorCodes = new HashSet<string>(ThrottlingErrorCodes.Where(c => c != "LimitExceededException"));
        }
    }
}
