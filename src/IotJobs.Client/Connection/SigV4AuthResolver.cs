using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace IotJobs.Client
{
    /// <summary>
    /// The SDK pipeline signs only with an auth scheme chosen for the request; every IoT operation
    /// uses SigV4, so this resolver always chooses it.
    /// </summary>
    internal sealed class SigV4AuthResolver : BaseAuthResolverHandler
    {
        protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) =>
            AuthSchemeOption.DEFAULT_SIGV4;
    }
}
