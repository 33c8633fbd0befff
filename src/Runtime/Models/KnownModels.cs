namespace RopeGen
{
    /// <summary>
    /// Ready-made configurations of real models (from their config.json; see the README's model table), for code that
    /// configures RoPE at run time with <see cref="RotaryKernel"/>.
    /// </summary>
    public static class KnownModels
    {
        /// <summary>Llama-2-7B: head dim 128, rope_theta 10000, no scaling, half-split (HF checkpoints).</summary>
        public static RotaryConfig Llama2 => new(128, 10000);

        /// <summary>Llama-3.1-8B: head dim 128, rope_theta 500000, llama3 scaling (factor 8, low 1, high 4, original 8192).</summary>
        public static RotaryConfig Llama31 => new(128, 500000, RopeScaling.Llama3)
        {
            Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192,
        };

        /// <summary>Phi-2: head dim 80, 32 rotated dims (partial_rotary_factor 0.4), rope_theta 10000.</summary>
        public static RotaryConfig Phi2 => new(80, 10000) { RotaryDim = 32 };

        /// <summary>GPT-J-6B: head dim 256, 64 rotated dims, interleaved.</summary>
        public static RotaryConfig GptJ6B => new(256, 10000) { RotaryDim = 64, Layout = RotaryLayout.Interleaved };

        /// <summary>Qwen2-VL-7B (and Qwen2.5-VL-7B): head dim 128, rope_theta 1000000, M-RoPE sections [16, 24, 24].</summary>
        public static RotaryConfig Qwen2VL7B => new(128, 1000000) { MRopeSections = new[] { 16, 24, 24 } };

        /// <summary>Qwen3-VL-8B: head dim 128, rope_theta 5000000, interleaved M-RoPE sections [24, 20, 20].</summary>
        public static RotaryConfig Qwen3VL8B => new(128, 5000000) { MRopeSections = new[] { 24, 20, 20 }, MRopeInterleaved = true };

        /// <summary>
        /// Phi-3-mini-128k-instruct: head dim 96, LongRoPE with its 48 short and 48 long factors (current revision),
        /// original context 4096, 131072 positions, so attention factor sqrt(1 + ln 32 / ln 4096).
        /// </summary>
        public static RotaryConfig Phi3Mini128k => new(96, 10000, RopeScaling.LongRope)
        {
            OriginalMaxPositions = 4096,
            MaxPositions = 131072,
            ShortFactors = Phi3ShortFactors,
            LongFactors = Phi3LongFactors,
        };

        /// <summary>Phi-3-mini-128k-instruct's <c>short_factor</c>.</summary>
        public static double[] Phi3ShortFactors => new double[]
        {
            1.1, 1.1, 1.1, 1.3000000000000003, 1.3500000000000003, 1.3500000000000003, 1.4000000000000004, 1.5500000000000005,
            2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001,
            2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001,
            2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.0500000000000007,
            2.0500000000000007, 2.0500000000000007, 2.0500000000000007, 2.0500000000000007, 2.0500000000000007, 2.1000000000000005,
            2.1000000000000005, 2.1500000000000004, 2.25, 2.25, 2.25, 2.25, 2.25, 2.3999999999999995, 2.4499999999999993,
            2.499999999999999, 2.6999999999999984, 2.6999999999999984, 2.7499999999999982, 2.799999999999998, 2.8999999999999977,
            3.049999999999997,
        };

        /// <summary>Phi-3-mini-128k-instruct's <c>long_factor</c>.</summary>
        public static double[] Phi3LongFactors => new double[]
        {
            1.0700000524520874, 1.1200000047683716, 1.149999976158142, 1.4199999570846558, 1.5699999332427979, 1.7999999523162842,
            2.129999876022339, 2.129999876022339, 3.009999990463257, 5.910000324249268, 6.950000286102295, 9.070000648498535,
            9.930000305175781, 10.710000038146973, 11.130000114440918, 14.609999656677246, 15.409998893737793, 19.809999465942383,
            37.279998779296875, 38.279998779296875, 38.599998474121094, 40.12000274658203, 46.20000457763672, 50.940006256103516,
            53.66000747680664, 54.9373893737793, 56.89738845825195, 57.28738784790039, 59.98738479614258, 60.86738586425781,
            60.887386322021484, 61.71739196777344, 62.91739273071289, 62.957393646240234, 63.41739273071289, 63.8173942565918,
            63.83739471435547, 63.897396087646484, 63.93739700317383, 64.06739807128906, 64.11434936523438, 64.12435150146484,
            64.15435028076172, 64.19435119628906, 64.24435424804688, 64.57435607910156, 64.69000244140625, 64.76000213623047,
        };
    }
}
