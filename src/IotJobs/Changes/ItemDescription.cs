using IotJobs.Backup;
using IotJobs.Output;
using IotJobs.Rules;

namespace IotJobs.Changes;

/// <summary>
/// An item as a What-if line and a confirmation prompt describe it: the change, the item, its state as known, what
/// the change does besides the obvious, and what the service will answer, from the one table of its rules.
/// </summary>
internal static class ItemDescription
{
    /// <summary>"Remove job 'fw-7' (IN_PROGRESS, 3 executions); the service will refuse it without -Force".</summary>
    public static string Of(ItemPlan plan, ChangeDeclaration declaration)
    {
        var change = plan.Change;
        var ruling = plan.Ruling;
        string consequence =
            ruling.Refused || plan.OwnedBy != null
                ? ""
                : StateRules.Consequence(change, plan.State, plan.Forced) + Backup(plan, declaration);
        string warning =
            plan.OwnedBy != null ? $"; {plan.OwnedBy}, so it is refused without -AllowServiceOwned" : ruling.Warning;
        string verb = Words.Capitalized(Words.Verb(change));
        return $"{verb} {plan.Target.Subject}{Words.State(plan.State)}{consequence}{warning}";
    }

    private static string Backup(ItemPlan plan, ChangeDeclaration declaration)
    {
        if (declaration.BackupFolder == null)
            return "";
        return $", after backing it up to {ItemBackup.FileFor(plan, declaration.BackupFolder)}";
    }
}
