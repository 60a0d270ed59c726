using System.Collections.Generic;
using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    /// <summary>An answer that also keeps the service's JSON exactly as it came, for backups.</summary>
    public interface IRawAnswer
    {
        /// <summary>The answer's body, as the service sent it.</summary>
        string? RawJson { get; set; }
    }

    public sealed class ListJobsResponse : AmazonWebServiceResponse
    {
        public List<JobSummary> Jobs { get; set; } = new List<JobSummary>();
        public string? NextToken { get; set; }
    }

    public sealed class DescribeJobResponse : AmazonWebServiceResponse, IRawAnswer
    {
        public string? DocumentSource { get; set; }
        public Job? Job { get; set; }
        public string? RawJson { get; set; }
    }

    public sealed class GetJobDocumentResponse : AmazonWebServiceResponse, IRawAnswer
    {
        /// <summary>The job document: the instructions devices run.</summary>
        public string? Document { get; set; }
        public string? RawJson { get; set; }
    }

    public sealed class CancelJobResponse : AmazonWebServiceResponse
    {
        public string? JobArn { get; set; }
        public string? JobId { get; set; }
        public string? Description { get; set; }
    }

    public sealed class DeleteJobResponse : AmazonWebServiceResponse { }

    // Not an IRawAnswer: listings stream through by the hundred thousand, and a page's text would be a large
    // object apiece. A backup writes the summaries from the model, which has all their fields.
    public sealed class ListJobExecutionsForJobResponse : AmazonWebServiceResponse
    {
        public List<JobExecutionSummaryForJob> ExecutionSummaries { get; set; } = new List<JobExecutionSummaryForJob>();
        public string? NextToken { get; set; }
    }

    public sealed class ListJobExecutionsForThingResponse : AmazonWebServiceResponse
    {
        public List<JobExecutionSummaryForThing> ExecutionSummaries { get; set; } =
            new List<JobExecutionSummaryForThing>();
        public string? NextToken { get; set; }
    }

    public sealed class DescribeJobExecutionResponse : AmazonWebServiceResponse, IRawAnswer
    {
        public JobExecution? Execution { get; set; }
        public string? RawJson { get; set; }
    }

    public sealed class CancelJobExecutionResponse : AmazonWebServiceResponse { }

    public sealed class DeleteJobExecutionResponse : AmazonWebServiceResponse { }
}
