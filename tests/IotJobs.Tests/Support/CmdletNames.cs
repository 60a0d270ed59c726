using IotJobs.Help;
using IotJobs.Hosting;

namespace IotJobs.Tests.Support;

/// <summary>The module's cmdlets, from the classes that implement them.</summary>
public static class CmdletNames
{
    public static IReadOnlyList<string> All { get; } =
        typeof(IotJobs.Cmdlets.IotJobsCmdlet)
            .Assembly.GetTypes()
            .Select(t =>
                (
                    Type: t,
                    Attribute: (System.Management.Automation.CmdletAttribute?)
                        Attribute.GetCustomAttribute(t, typeof(System.Management.Automation.CmdletAttribute))
                )
            )
            .Where(x => x.Attribute != null)
            .Select(x => $"{x.Attribute!.VerbName}-{x.Attribute.NounName}")
            .Order()
            .ToList();
}
