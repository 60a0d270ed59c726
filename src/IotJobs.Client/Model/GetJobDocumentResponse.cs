using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    public sealed class GetJobDocumentResponse : AmazonWebServiceResponse, IRawAnswer
    {
        /// <summary>The job document: the instructions devices run.</summary>
        public string? Document { get; set; }
        public string? RawJson { get; set; }
    }
}
