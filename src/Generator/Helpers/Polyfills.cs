// netstandard2.0 lacks these; the compiler needs them for init accessors and records.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
