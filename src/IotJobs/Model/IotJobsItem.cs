using System;

namespace IotJobs.Model
{
    /// <summary>
    /// What every object the module writes carries besides its own fields: which kind of item it is and
    /// where it was found (region, endpoint, the profile it was read with, its account), so that a Stop- or
    /// Remove- cmdlet given it acts on exactly that item, there, with nothing repeated. Never credentials.
    /// </summary>
    public abstract class IotJobsItem
    {
        private protected IotJobsItem() { }

        /// <summary>
        /// Job or JobExecution: a job-level cmdlet refuses an execution instead of taking it for its job.
        /// </summary>
        public abstract ItemKind Kind { get; }

        /// <summary>The region the item was read in.</summary>
        public string? Region { get; set; }

        /// <summary>The endpoint the item was read from, e.g. https://iot.eu-west-1.amazonaws.com.</summary>
        public string? EndpointUrl { get; set; }

        /// <summary>
        /// The profile the item was read with; empty when it was read with the default credentials or -Credential.
        /// </summary>
        public string? ProfileName { get; set; }

        /// <summary>The AWS account the item belongs to, from its ARN.</summary>
        public string? AccountId { get; set; }

        /// <summary>When (UTC) the item's state was read from the service.</summary>
        public DateTimeOffset? ReadAt { get; set; }

        /// <summary>
        /// Which credentials read the item (a profile, the default chain, or a -Credential object by identity),
        /// never the credentials themselves: when a later command uses the same, the item is known to be in its
        /// account.
        /// </summary>
        internal string? CredentialSource { get; set; }
    }
}
