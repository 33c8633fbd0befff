using System;
using System.Collections.Generic;
using System.Linq;

namespace RopeGen.Benchmarks;

/// <summary>Prints one performance goal against one run: the worst case's ratio and whether it meets the bound (reported, never asserted).</summary>
public static class GoalLine
{
    /// <summary>Every measured ratio at most <paramref name="goal"/>.</summary>
    public static void AtMost<T>(string what, IEnumerable<T> rows, Func<T, double?> ratio, Func<T, string> name, double goal) =>
        Print(what, "<=", goal, rows, ratio, name);

    /// <summary>Every measured ratio at least <paramref name="goal"/>.</summary>
    public static void AtLeast<T>(string what, IEnumerable<T> rows, Func<T, double?> ratio, Func<T, string> name, double goal) =>
        Print(what, ">=", goal, rows, ratio, name);

    /// <summary>Rows whose ratio is null (a peer that did not run) are left out and said so when none is left; nothing is printed for no rows.</summary>
    private static void Print<T>(string what, string relation, double goal, IEnumerable<T> rows, Func<T, double?> ratio, Func<T, string> name)
    {
        T[] all = rows.ToArray();
        if (all.Length == 0) return;
        var measured = all.Where(r => ratio(r) is not null).Select(r => (Name: name(r), Ratio: ratio(r)!.Value)).ToArray();
        if (measured.Length == 0)
        {
            Console.WriteLine($"  {what} {relation} {goal}: not measured (peer unavailable)");
            return;
        }
        bool atMost = relation == "<=";
        var worst = atMost ? measured.MaxBy(m => m.Ratio) : measured.MinBy(m => m.Ratio);
        bool met = atMost ? worst.Ratio <= goal : worst.Ratio >= goal;
        string where = measured.Length > 1 ? $"worst {worst.Ratio:0.00}x, {worst.Name}" : $"{worst.Ratio:0.00}x, {worst.Name}";
        Console.WriteLine($"  {what} {relation} {goal}: {(met ? "met" : "MISSED")} ({where})");
    }
}
