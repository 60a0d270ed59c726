using System.Text.Json;

namespace IotJobs.Model;

/// <summary>
/// A structured value of the service's model, such as a job's abort configuration or one of its criteria. Its
/// members are properties, typed as the model types them, so that a script dots into it as into AWS.Tools' objects;
/// and it reads as the service's own JSON, exactly as sent, wherever PowerShell turns it into text ("$value",
/// Format-List, Export-Csv). So nothing the service sent is lost, not even a member this version does not know yet.
/// </summary>
public abstract class ServiceShape
{
    private readonly string json;

    private protected ServiceShape(JsonElement element) => json = element.GetRawText();

    /// <summary>The value as the service sent it, in JSON.</summary>
    public override string ToString() => json;
}
