using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    public sealed class DescribeJobResponse : AmazonWebServiceResponse, IRawAnswer
    {
        public string? DocumentSource { get; set; }
        public Job? Job { get; set; }
        public string? RawJson { get; set; }
    }
}
