using System.Reflection;

namespace Hotline.Api.Storage;

/// <summary>
/// Dapper's constructor lookup, told what SQLite cannot say. A column computed by an expression (COUNT,
/// CASE, COALESCE...) has no declared type, so Microsoft.Data.Sqlite types it by the value in the current
/// row; with no row (an empty result) or a NULL there, it reports a blob. Dapper's default map then finds
/// no record constructor whose parameter types match and fails the whole query. Here a blob-typed column
/// stands for whichever type the constructor's parameter of that name has: an empty result has no value
/// to convert, and a NULL is the parameter's default. A real value is typed by itself, so a row with one
/// gets Dapper's own mapping (the deserializer is chosen anew when the column types change).
/// </summary>
internal sealed class UntypedColumnTypeMap(Type type) : SqlMapper.ITypeMap
{
    private readonly DefaultTypeMap _default = new(type);

    public ConstructorInfo? FindConstructor(string[] names, Type[] types)
    {
        if (_default.FindConstructor(names, types) is { } exact)
        {
            return exact;
        }

        if (!types.Contains(typeof(byte[])))
        {
            return null;
        }

        foreach (var constructor in type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            var parameters = constructor.GetParameters();
            if (parameters.Length != types.Length)
            {
                continue;
            }

            var declared = types.Select((column, i) => column == typeof(byte[]) ? WithoutNullable(parameters[i].ParameterType) : column).ToArray();
            if (_default.FindConstructor(names, declared) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    public ConstructorInfo? FindExplicitConstructor() => _default.FindExplicitConstructor();

    public SqlMapper.IMemberMap? GetConstructorParameter(ConstructorInfo constructor, string columnName) =>
        _default.GetConstructorParameter(constructor, columnName);

    public SqlMapper.IMemberMap? GetMember(string columnName) => _default.GetMember(columnName);

    private static Type WithoutNullable(Type parameterType) => Nullable.GetUnderlyingType(parameterType) ?? parameterType;
}
