using System;

namespace IotJobs.Client
{
    /// <summary>No source gave a region: the command cannot know where to send anything.</summary>
    public sealed class NoRegionException : Exception
    {
        public NoRegionException(string? profileName)
            : base("No AWS region was found.")
        {
            ProfileName = profileName;
        }

        /// <summary>The profile whose region was looked for, if one was named.</summary>
        public string? ProfileName { get; }
    }
}
