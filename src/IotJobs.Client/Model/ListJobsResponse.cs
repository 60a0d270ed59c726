using System.Collections.Generic;
using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    public sealed class ListJobsResponse : AmazonWebServiceResponse
    {
        public List<JobSummary> Jobs { get; set; } = new List<JobSummary>();
        public string? NextToken { get; set; }
    }
}
