using System.Collections.Generic;
using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    // Not an IRawAnswer: listings stream through by the hundred thousand, and a page's text would be a large
    // object apiece. A backup writes the summaries from the model, which has all their fields.
    public sealed class ListJobExecutionsForJobResponse : AmazonWebServiceResponse
    {
        public List<JobExecutionSummaryForJob> ExecutionSummaries { get; set; } = new List<JobExecutionSummaryForJob>();
        public string? NextToken { get; set; }
    }
}
