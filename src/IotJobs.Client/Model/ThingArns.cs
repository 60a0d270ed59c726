namespace IotJobs.Client.Model
{
    /// <summary>Thing ARNs have the form arn:{partition}:iot:{region}:{account}:thing/{thingName}.</summary>
    internal static class ThingArns
    {
        public static string? NameOf(string? thingArn)
        {
            if (string.IsNullOrEmpty(thingArn))
                return null;
            const string marker = ":thing/";
            int at = thingArn!.IndexOf(marker, System.StringComparison.Ordinal);
            return at < 0 ? null : thingArn.Substring(at + marker.Length);
        }
    }
}
