using System;
using System.Linq;
using RopeGen.Benchmarks;
using RopeGen.Peers;

// RopeGen against its peers in one process: dotnet run -c Release --project tests/RopeGen.Peers -- [--quick] [--json FILE] [--cases a,b]
string? Value(string option)
{
    int at = Array.IndexOf(args, option);
    if (at < 0) return null;
    if (at + 1 >= args.Length) throw new ArgumentException($"{option} needs a value, e.g. {option} peers.json");
    return args[at + 1];
}

try
{
    string? json = Value("--json");
    string[] wanted = CaseSelection.Parse(args, PeerCase.All.Select(c => c.Name).ToArray());
    // --quick: a smoke run (a few rounds, short warm-up) whose figures are rough.
    RoundSettings settings = args.Contains("--quick") ? new RoundSettings(7, TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(0.2)) : RoundSettings.Full;
    return PeerBench.Run(PeerCase.All.Where(c => wanted.Contains(c.Name)).ToArray(), settings, json);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
