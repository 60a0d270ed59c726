using System.Collections.Generic;
using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    public sealed class ListThingsResponse : AmazonWebServiceResponse
    {
        public List<ThingAttribute> Things { get; set; } = new List<ThingAttribute>();
        public string? NextToken { get; set; }
    }
}
