using System;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace IotJobs.Client.Wire
{
    /// <summary>Adapts one operation's marshalling function to the SDK pipeline's marshaller interface.</summary>
    internal sealed class RequestMarshaller<TRequest> : IMarshaller<IRequest, AmazonWebServiceRequest>
        where TRequest : AmazonWebServiceRequest
    {
        private readonly Func<TRequest, IRequest> marshall;

        public RequestMarshaller(Func<TRequest, IRequest> marshall) => this.marshall = marshall;

        public IRequest Marshall(AmazonWebServiceRequest input) => marshall((TRequest)input);
    }
}
