using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    public sealed class DeleteJobExecutionResponse : AmazonWebServiceResponse { }
}
