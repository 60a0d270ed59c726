using System.Management.Automation;

namespace IotJobs
{
    /// <summary>
    /// Runs on Remove-Module (and on Import-Module -Force, which removes first): takes back what
    /// <see cref="ModuleInitializer"/> added to the process, so a removed module leaves no resolver answering
    /// for it, and importing it again does not add a second one.
    /// </summary>
    public sealed class ModuleCleanup : IModuleAssemblyCleanup
    {
        public void OnRemove(PSModuleInfo psModuleInfo) => ModuleInitializer.RemoveResolver();
    }
}
