using System.Collections.Generic;
using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    public sealed class ListJobsResponse : AmazonWebServiceResponse
    {
        public List<JobSummary> Jobs { get; set; } = new List<JobSummary>();
        public string? NextToken { get; set; }
    }

    public sealed class DescribeJobResponse : AmazonWebServiceResponse
    {
        public string? DocumentSource { get; set; }
        public Job? Job { get; set; }
    }

    public sealed class CancelJobResponse : AmazonWebServiceResponse
    {
        public string? JobArn { get; set; }
        public string? JobId { get; set; }
        public string? Description { get; set; }
    }

    public sealed class DeleteJobResponse : AmazonWebServiceResponse
    {
    }

    public sealed class ListJobExecutionsForJobResponse : AmazonWebServiceResponse
    {
        public List<JobExecutionSummaryForJob> ExecutionSummaries { get; set; } = new List<JobExecutionSummaryForJob>();
        public string? NextToken { get; set; }
    }

    public sealed class ListJobExecutionsForThingResponse : AmazonWebServiceResponse
    {
        public List<JobExecutionSummaryForThing> ExecutionSummaries { get; set; } = new List<JobExecutionSummaryForThing>();
        public string? NextToken { get; set; }
    }

    public sealed class DescribeJobExecutionResponse : AmazonWebServiceResponse
    {
        public JobExecution? Execution { get; set; }
    }

    public sealed class CancelJobExecutionResponse : AmazonWebServiceResponse
    {
    }

    public sealed class DeleteJobExecutionResponse : AmazonWebServiceResponse
    {
    }
}
