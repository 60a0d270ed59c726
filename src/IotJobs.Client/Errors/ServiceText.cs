using System;

namespace IotJobs.Client
{
    /// <summary>
    /// What of a service's error message may be shown. AWS answers a signature mismatch with the canonical request and
    /// the string to sign it expected, and those quote every signed header, a session token among them: the message
    /// is cut where they begin, so no error, warning or log line can carry them.
    /// </summary>
    internal static class ServiceText
    {
        private static readonly string[] Quotes = { "The Canonical String", "The String-to-Sign", "Canonical Request" };

        public static string Safe(string message)
        {
            int cut = message.Length;
            foreach (var quote in Quotes)
            {
                int at = message.IndexOf(quote, StringComparison.OrdinalIgnoreCase);
                if (at >= 0 && at < cut)
                    cut = at;
            }
            return cut == message.Length ? message : message.Substring(0, cut).TrimEnd();
        }
    }
}
