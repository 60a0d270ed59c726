using System;

namespace IotJobs.Client
{
    /// <summary>No credentials source gave credentials; <see cref="Tried"/> names the sources, in order.</summary>
    public sealed class NoCredentialsException : Exception
    {
        public NoCredentialsException(string tried, Exception inner)
            : base($"No AWS credentials were found. Tried: {tried}. {inner.Message}", inner)
        {
            Tried = tried;
        }

        public string Tried { get; }
    }
}
