using IotJobs.Client;
using IotJobs.Model;

namespace IotJobs.Cmdlets.Items
{
    /// <summary>The words of every refusal made before anything is sent: what was found, and what to do.</summary>
    internal static class Refusals
    {
        /// <summary>An execution piped to Stop-IotJob or Remove-IotJob: one word from a change to every device.</summary>
        public static ItemRefusedException NotAJob(ItemTarget target, string verb, string executionCmdlet)
        {
            string thing = (target.Piped?.Input as IotJobExecution)?.ThingName ?? "a thing";
            string region = target.Piped?.Region is string r ? " -Region " + r : "";
            return new ItemRefusedException(
                "ExecutionNotJob",
                $"it was given an execution of that job (on {thing}), and would {verb} the whole job, for every device",
                $"To {verb} that execution, use {executionCmdlet}. To {verb} its job on purpose, pass the job ids: "
                    + $"... | ForEach-Object JobId | Sort-Object -Unique | {(verb == "stop" ? "Stop" : "Remove")}-IotJob{region}"
            );
        }

        public static ItemRefusedException Region(string found, string given) =>
            new ItemRefusedException(
                "WrongRegion",
                $"it was found in {found}, but this command was given -Region {given}",
                $"Leave out -Region to act where it was found ({found}), or get the item again in {given}."
            );

        public static ItemRefusedException Endpoint(string found, string given) =>
            new ItemRefusedException(
                "WrongEndpoint",
                $"it was found at {found}, but this command was given -EndpointUrl {given}",
                $"Leave out -EndpointUrl to act where it was found, or get the item again from {given}."
            );

        /// <summary>A plain object (a CSV row) that names another place than the command's own.</summary>
        public static ItemRefusedException ClaimedPlace(string what, string claimed, ServiceLocation acting) =>
            new ItemRefusedException(
                what == "region" ? "WrongRegion" : "WrongEndpoint",
                $"the input says it is {(what == "region" ? "in " : "at ")}{claimed}, but this command acts {Words.Place(acting.Region, acting.EndpointUrl)}",
                what == "region"
                    ? $"Add -Region {claimed} to act where the input says the item is."
                    : $"Add -EndpointUrl {claimed} to act where the input says the item is."
            );

        public static ItemRefusedException Account(string itemAccount, string callerAccount, string? profileName) =>
            new ItemRefusedException(
                "WrongAccount",
                $"it belongs to account {itemAccount}, but this command's credentials belong to account {callerAccount}",
                profileName != null
                    ? $"Use the credentials it was read with (-ProfileName {profileName}), or leave out -ProfileName and -Credential."
                    : "Use credentials of that account (-ProfileName or -Credential), or get the item again with these credentials."
            );

        public static ItemRefusedException AccountUnknown(string itemAccount, string why) =>
            new ItemRefusedException(
                "AccountUnknown",
                $"it belongs to account {itemAccount}, and which account this command's credentials belong to could not be learned ({why.TrimEnd('.')})",
                "Make STS reachable (or set AWS_ENDPOINT_URL_STS), use the credentials the item was read with, or pass the item's id instead."
            );

        /// <summary>Stop-IotJobExecution was piped an execution that is no longer the thing's current one.</summary>
        public static ItemRefusedException NotCurrent(long given, long? current) =>
            new ItemRefusedException(
                "ExecutionNotCurrent",
                $"execution {given} is no longer the current execution of the job on that thing (it is now {current?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"})",
                "Get the execution again and decide on the current one."
            );
    }
}
