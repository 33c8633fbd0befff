System.Console.WriteLine("TODO");
