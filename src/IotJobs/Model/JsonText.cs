namespace IotJobs.Model
{
    /// <summary>
    /// A structured value as the service sent it, in JSON: it reads as that JSON wherever PowerShell turns it into
    /// text (Format-List, Export-Csv), and ConvertFrom-Json gives its fields: ($job.TimeoutConfig | ConvertFrom-Json).
    /// </summary>
    public sealed class JsonText
    {
        public JsonText(string json) => Json = json;

        public string Json { get; }

        /// <summary>The value, or null when the service sent none.</summary>
        internal static JsonText? Of(string? json) => json == null ? null : new JsonText(json);

        public override string ToString() => Json;
    }
}
