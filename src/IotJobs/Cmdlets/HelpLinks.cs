namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Where each cmdlet's page is online (HelpUri, Get-Help -Online); each page's front matter says the same.
    /// </summary>
    internal static class HelpLinks
    {
        public const string Pages = "https://github.com/iotjobs/IotJobs/blob/main/docs/en-US/";
    }
}
