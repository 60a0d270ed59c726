using System;
using System.Management.Automation;
using IotJobs.Connections;

namespace IotJobs.Cmdlets.Validation;

/// <summary>
/// Binds -Credential from what users hold: a PSCredential, AWS.Tools credentials (Get-AWSCredential,
/// $StoredAWSCredentials), or our own. Anything else is refused in binding, saying what is taken.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class AwsCredentialTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        try
        {
            return CredentialAdapter.From(inputData);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentTransformationMetadataException(e.Message, e);
        }
    }
}
