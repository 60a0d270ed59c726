using System.Collections.Generic;

namespace IotJobs.Client.Model
{
    /// <summary>One entry of ListThings: a thing as the registry holds it (the model's name for it).</summary>
    public sealed class ThingAttribute
    {
        public string? ThingName { get; set; }
        public string? ThingTypeName { get; set; }
        public string? ThingArn { get; set; }
        public Dictionary<string, string> Attributes { get; set; } = new Dictionary<string, string>();

        /// <summary>The version of the thing's record in the registry.</summary>
        public long? Version { get; set; }
    }
}
