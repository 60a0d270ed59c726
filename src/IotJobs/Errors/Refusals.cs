using IotJobs.Client;
using IotJobs.Items;
using IotJobs.Model;
using IotJobs.Output;
using IotJobs.Rules;

namespace IotJobs.Errors;

/// <summary>The words of every refusal made before anything is sent: what was found, and what to do.</summary>
internal static class Refusals
{
    /// <summary>An execution piped to Stop-IotJob or Remove-IotJob: one word from a change to every device.</summary>
    public static ItemRefusedException NotAJob(ItemTarget target, Change change)
    {
        string verb = Words.Verb(change);
        string thing = (target.Piped?.Input as IotJobExecution)?.ThingName ?? "a thing";
        string region = target.Piped?.Region is string r ? " -Region " + r : "";
        return new(
            Refusal.ExecutionNotJob,
            $"it was given an execution of that job (on {thing}), and would {verb} the whole job, for every device",
            $"To {verb} that execution, use {Words.Cmdlet(change, ItemKind.JobExecution)}. "
                + $"To {verb} its job on purpose, pass the job ids: ... | ForEach-Object JobId | Sort-Object -Unique | "
                + $"{Words.Cmdlet(change, ItemKind.Job)}{region}"
        );
    }

    public static ItemRefusedException Region(string found, string given) =>
        new(
            Refusal.WrongRegion,
            $"it was found in {found}, but this command was given -Region {given}",
            $"Leave out -Region to act where it was found ({found}), or get the item again in {given}."
        );

    public static ItemRefusedException Endpoint(string found, string given) =>
        new(
            Refusal.WrongEndpoint,
            $"it was found at {found}, but this command was given -EndpointUrl {given}",
            $"Leave out -EndpointUrl to act where it was found, or get the item again from {given}."
        );

    /// <summary>A plain object (a CSV row) that names another region or endpoint than the command's own.</summary>
    public static ItemRefusedException ClaimedPlace(bool region, string claimed, ServiceLocation acting)
    {
        string where = Words.Place(acting.Region, acting.EndpointUrl);
        return new(
            region ? Refusal.WrongRegion : Refusal.WrongEndpoint,
            $"the input says it is {(region ? "in " : "at ")}{claimed}, but this command acts {where}",
            $"Add {(region ? "-Region" : "-EndpointUrl")} {claimed} to act where the input says the item is."
        );
    }

    public static ItemRefusedException Account(string itemAccount, string callerAccount, string? profileName) =>
        new(
            Refusal.WrongAccount,
            $"it belongs to account {itemAccount}, but this command's credentials belong to account {callerAccount}",
            profileName != null
                ? $"Use the credentials it was read with (-ProfileName {profileName}), "
                    + "or leave out -ProfileName and -Credential."
                : "Use credentials of that account (-ProfileName or -Credential), "
                    + "or get the item again with these credentials."
        );

    public static ItemRefusedException AccountUnknown(string itemAccount, string why) =>
        new(
            Refusal.AccountUnknown,
            $"it belongs to account {itemAccount}, and which account this command's credentials belong to "
                + $"could not be learned ({why.TrimEnd('.')})",
            "Make STS reachable (or set AWS_ENDPOINT_URL_STS), use the credentials the item was read with, "
                + "or pass the item's id instead."
        );

    /// <summary>Stop-IotJobExecution was piped an execution that is no longer the thing's current one.</summary>
    public static ItemRefusedException NotCurrent(long given, long? current) =>
        new(
            Refusal.ExecutionNotCurrent,
            $"execution {Words.Number(given)} is no longer the current execution of the job on that thing "
                + $"(it is now {(current is long now ? Words.Number(now) : "unknown")})",
            "Get the execution again and decide on the current one."
        );
}
