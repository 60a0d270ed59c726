using System.Collections.Generic;
using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    public sealed class ListJobExecutionsForThingResponse : AmazonWebServiceResponse
    {
        public List<JobExecutionSummaryForThing> ExecutionSummaries { get; set; } =
            new List<JobExecutionSummaryForThing>();
        public string? NextToken { get; set; }
    }
}
