namespace RopeGen
{
    /// <summary>
    /// Ready-made configurations of every model of the README's model table, for code that configures RoPE at run time
    /// with <see cref="RotaryKernel"/>. Each holds the settings of the model's published config.json: the tests check
    /// each against <see cref="RotaryConfig.FromHuggingFaceFile"/> of that file (the corpus in tests/Configs). To read
    /// another model's config.json, call <see cref="RotaryConfig.FromHuggingFace"/>.
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

        /// <summary>Llama-3.2-1B: head dim 64, rope_theta 500000, llama3 scaling (factor 32, low 1, high 4, original 8192).</summary>
        public static RotaryConfig Llama32 => new(64, 500000, RopeScaling.Llama3)
        {
            Factor = 32, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192,
        };

        /// <summary>Mistral-7B-v0.1: head dim 128, rope_theta 10000, no scaling.</summary>
        public static RotaryConfig Mistral7B => new(128, 10000);

        /// <summary>Qwen2-7B: head dim 128 (3584 / 28), rope_theta 1000000, no scaling.</summary>
        public static RotaryConfig Qwen2 => new(128, 1000000);

        /// <summary>Qwen2.5-7B-Instruct with the YaRN block of Qwen's model card: factor 4, original context 32768.</summary>
        public static RotaryConfig Qwen25Yarn => new(128, 1000000, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768 };

        /// <summary>Qwen3-8B: head dim 128 (explicit), rope_theta 1000000, no scaling.</summary>
        public static RotaryConfig Qwen3 => new(128, 1000000);

        /// <summary>Phi-2: head dim 80, 32 rotated dims (partial_rotary_factor 0.4), rope_theta 10000.</summary>
        public static RotaryConfig Phi2 => new(80, 10000) { RotaryDim = 32 };

        /// <summary>GPT-NeoX-20B: head dim 96 (6144 / 64), 24 rotated dims (rotary_pct 0.25), rotary_emb_base 10000.</summary>
        public static RotaryConfig GptNeoX20B => new(96, 10000) { RotaryDim = 24 };

        /// <summary>GPT-J-6B: head dim 256, 64 rotated dims, interleaved.</summary>
        public static RotaryConfig GptJ6B => new(256, 10000) { RotaryDim = 64, Layout = RotaryLayout.Interleaved };

        /// <summary>Qwen2-VL-7B (and Qwen2.5-VL-7B): head dim 128, rope_theta 1000000, M-RoPE sections [16, 24, 24].</summary>
        public static RotaryConfig Qwen2VL7B => new(128, 1000000) { MRopeSections = new[] { 16, 24, 24 } };

        /// <summary>Qwen3-VL-8B: head dim 128, rope_theta 5000000, interleaved M-RoPE sections [24, 20, 20].</summary>
        public static RotaryConfig Qwen3VL8B => new(128, 5000000) { MRopeSections = new[] { 24, 20, 20 }, MRopeInterleaved = true };

        /// <summary>
        /// DeepSeek-V2, the rope part of its attention (qk_rope_head_dim 64, interleaved): YaRN factor 40, original 4096,
        /// mscale = mscale_all_dim = 0.707, so a cos/sin factor of exactly 1.
        /// </summary>
        public static RotaryConfig DeepSeekV2 => new(64, 10000, RopeScaling.Yarn)
        {
            Factor = 40, OriginalMaxPositions = 4096, YarnMScale = 0.707, YarnMScaleAllDim = 0.707, Layout = RotaryLayout.Interleaved,
        };

        /// <summary>Gemma-7B: head dim 256 (explicit; 3072 / 16 would be 192), rope_theta 10000.</summary>
        public static RotaryConfig Gemma7B => new(256, 10000);

        /// <summary>gpt-oss-20b: head dim 64, rope_theta 150000, YaRN factor 32, original 4096, truncate false.</summary>
        public static RotaryConfig GptOss20B => new(64, 150000, RopeScaling.Yarn) { Factor = 32, OriginalMaxPositions = 4096, YarnTruncate = false };

        /// <summary>StableLM-3B-4E1T: head dim 80 (2560 / 32), 20 rotated dims (partial_rotary_factor 0.25).</summary>
        public static RotaryConfig StableLm3B => new(80, 10000) { RotaryDim = 20 };

        /// <summary>Falcon-7B: head dim 64 (4544 / 71), rope_theta 10000 (not in its config: the default).</summary>
        public static RotaryConfig Falcon7B => new(64, 10000);

        /// <summary>InternLM2.5-7B-chat: head dim 128, rope_theta 1000000, dynamic NTK factor 2 above 32768 positions.</summary>
        public static RotaryConfig InternLM25 => new(128, 1000000, RopeScaling.DynamicNtk) { Factor = 2, OriginalMaxPositions = 32768 };

        /// <summary>LLaMA-2-7B-32K: head dim 128, linear scaling (position interpolation) by 8.</summary>
        public static RotaryConfig Llama2Long32K => new(128, 10000, RopeScaling.Linear) { Factor = 8 };

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

        /// <summary>
        /// Phi-3-vision-128k-instruct's language model: LongRoPE under its first name <c>su</c>, head dim 96, original
        /// context 4096, 131072 positions.
        /// </summary>
        public static RotaryConfig Phi3Vision128k => new(96, 10000, RopeScaling.LongRope)
        {
            OriginalMaxPositions = 4096,
            MaxPositions = 131072,
            ShortFactors = Phi3VisionShortFactors,
            LongFactors = Phi3VisionLongFactors,
        };

        /// <summary>Phi-3-vision-128k-instruct's <c>short_factor</c>.</summary>
        public static double[] Phi3VisionShortFactors => new double[]
        {
            1.05, 1.05, 1.05, 1.1, 1.1, 1.1, 1.2500000000000002, 1.2500000000000002, 1.4000000000000004, 1.4500000000000004,
            1.5500000000000005, 1.8500000000000008, 1.9000000000000008, 2.000000000000001, 2.000000000000001, 2.000000000000001,
            2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001,
            2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001,
            2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.1000000000000005, 2.1000000000000005,
            2.2, 2.3499999999999996, 2.3499999999999996, 2.3499999999999996, 2.3499999999999996, 2.3999999999999995,
            2.3999999999999995, 2.6499999999999986, 2.6999999999999984, 2.8999999999999977, 2.9499999999999975, 3.049999999999997,
            3.049999999999997, 3.049999999999997,
        };

        /// <summary>Phi-3-vision-128k-instruct's <c>long_factor</c>.</summary>
        public static double[] Phi3VisionLongFactors => new double[]
        {
            1.0299999713897705, 1.0499999523162842, 1.0499999523162842, 1.0799999237060547, 1.2299998998641968,
            1.2299998998641968, 1.2999999523162842, 1.4499999284744263, 1.5999999046325684, 1.6499998569488525,
            1.8999998569488525, 2.859999895095825, 3.68999981880188, 5.419999599456787, 5.489999771118164, 5.489999771118164,
            9.09000015258789, 11.579999923706055, 15.65999984741211, 15.769999504089355, 15.789999961853027, 18.360000610351562,
            21.989999771118164, 23.079999923706055, 30.009998321533203, 32.35000228881836, 32.590003967285156, 35.56000518798828,
            39.95000457763672, 53.840003967285156, 56.20000457763672, 57.95000457763672, 59.29000473022461, 59.77000427246094,
            59.920005798339844, 61.190006256103516, 61.96000671386719, 62.50000762939453, 63.3700065612793, 63.48000717163086,
            63.48000717163086, 63.66000747680664, 63.850006103515625, 64.08000946044922, 64.760009765625, 64.80001068115234,
            64.81001281738281, 64.81001281738281,
        };
    }
}
