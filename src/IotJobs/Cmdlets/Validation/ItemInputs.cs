using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace IotJobs.Cmdlets.Validation;

/// <summary>
/// The parameters of a cmdlet type marked <see cref="ItemInputAttribute"/>, with their rules; read once per type.
/// </summary>
internal static class ItemInputs
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<(PropertyInfo, InputRule)>> ByType = new();

    public static IReadOnlyList<(PropertyInfo Property, InputRule Rule)> Of(Type cmdlet) =>
        ByType.GetOrAdd(cmdlet, type =>
            type.GetProperties()
                .Select(p => (p, p.GetCustomAttribute<ItemInputAttribute>()))
                .Where(x => x.Item2 != null)
                .Select(x => (x.p, x.Item2!.Rule))
                .ToList()
        );
}
