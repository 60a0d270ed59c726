using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    public sealed class DescribeJobExecutionResponse : AmazonWebServiceResponse, IRawAnswer
    {
        public JobExecution? Execution { get; set; }
        public string? RawJson { get; set; }
    }
}
