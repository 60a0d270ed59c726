using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    /// <summary>
    /// GET /things: one page of the things in the registry, optionally those of one thing type or with one
    /// attribute value. Not an IoT Jobs operation: tab completion names things with it.
    /// </summary>
    public sealed class ListThingsRequest : AmazonWebServiceRequest
    {
        /// <summary>1 to 250; the service's own default when not given.</summary>
        public int? MaxResults { get; set; }
        public string? NextToken { get; set; }
        public string? ThingTypeName { get; set; }
        public string? AttributeName { get; set; }
        public string? AttributeValue { get; set; }

        /// <summary>Matches the attribute values that start with <see cref="AttributeValue"/>.</summary>
        public bool? UsePrefixAttributeValue { get; set; }
    }
}
