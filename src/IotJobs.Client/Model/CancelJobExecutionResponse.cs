using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    public sealed class CancelJobExecutionResponse : AmazonWebServiceResponse { }
}
