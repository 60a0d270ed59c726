using System.Management.Automation;

namespace TrivialModule
{
    [Cmdlet(VerbsCommon.Get, "Trivial")]
    public sealed class GetTrivialCommand : PSCmdlet
    {
        protected override void ProcessRecord() => WriteObject(42);
    }
}
