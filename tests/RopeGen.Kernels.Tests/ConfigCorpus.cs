namespace RopeGen.Kernels.Tests;

// The README's models as config.json imports (tests/Configs, this project's AdditionalFiles), each found by a unique
// path suffix, and the [Rotary] lines of the README's models that ModelCatalogTests does not declare already.

[RotaryFromConfig("Llama-2-7b-hf/config.json")] public partial class Llama2FromConfig { }
[RotaryFromConfig("Llama-3.1-8B/config.json")] public partial class Llama31FromConfig { }
[RotaryFromConfig("Llama-3.2-1B/config.json")] public partial class Llama32FromConfig { }
[RotaryFromConfig("Mistral-7B-v0.1/config.json")] public partial class Mistral7BFromConfig { }
[RotaryFromConfig("Qwen2-7B/config.json")] public partial class Qwen2FromConfig { }
[RotaryFromConfig("Qwen2.5-7B-Instruct-YaRN/config.json")] public partial class Qwen25YarnFromConfig { }
[RotaryFromConfig("Qwen3-8B/config.json")] public partial class Qwen3FromConfig { }
[RotaryFromConfig("phi-2/config.json")] public partial class Phi2FromConfig { }
[RotaryFromConfig("Phi-3-mini-128k-instruct/config.json")] public partial class Phi3MiniFromConfig { }
[RotaryFromConfig("Phi-3-vision-128k-instruct/config.json")] public partial class Phi3VisionFromConfig { }
[RotaryFromConfig("gpt-neox-20b/config.json")] public partial class GptNeoXFromConfig { }
[RotaryFromConfig("gpt-j-6b/config.json")] public partial class GptJFromConfig { }
[RotaryFromConfig("DeepSeek-V2/config.json")] public partial class DeepSeekV2FromConfig { }
[RotaryFromConfig("gemma-7b/config.json")] public partial class Gemma7BFromConfig { }
[RotaryFromConfig("gpt-oss-20b/config.json")] public partial class GptOssFromConfig { }
[RotaryFromConfig("stablelm-3b-4e1t/config.json")] public partial class StableLmFromConfig { }
[RotaryFromConfig("falcon-7b/config.json")] public partial class Falcon7BFromConfig { }
[RotaryFromConfig("internlm2_5-7b-chat/config.json")] public partial class InternLM25FromConfig { }
[RotaryFromConfig("LLaMA-2-7B-32K/config.json")] public partial class Llama2Long32KFromConfig { }
[RotaryFromConfig("Qwen2-VL-7B-Instruct/config.json")] public partial class Qwen2VLFromConfig { }
[RotaryFromConfig("Qwen3-VL-8B-Instruct/config.json")] public partial class Qwen3VLFromConfig { }

[Rotary(64, 500000, RopeScaling.Llama3, Factor = 32, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)] public partial class Llama32_1B { }
[Rotary(64, 150000, RopeScaling.Yarn, Factor = 32, OriginalMaxPositions = 4096, YarnTruncate = false)] public partial class GptOss20B { }
[Rotary(80, RotaryDim = 20)] public partial class StableLm3B { }
[Rotary(64)] public partial class Falcon7B { }
[Rotary(128, 1000000, RopeScaling.DynamicNtk, Factor = 2, OriginalMaxPositions = 32768)] public partial class InternLM25_7B { }
[Rotary(128, 10000, RopeScaling.Linear, Factor = 8)] public partial class Llama2_7B_32K { }
[Rotary(96, 10000, RopeScaling.LongRope, OriginalMaxPositions = 4096, MaxPositions = 131072,
    ShortFactors = new[] { 1.05, 1.05, 1.05, 1.1, 1.1, 1.1, 1.2500000000000002, 1.2500000000000002, 1.4000000000000004, 1.4500000000000004, 1.5500000000000005, 1.8500000000000008, 1.9000000000000008, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.1000000000000005, 2.1000000000000005, 2.2, 2.3499999999999996, 2.3499999999999996, 2.3499999999999996, 2.3499999999999996, 2.3999999999999995, 2.3999999999999995, 2.6499999999999986, 2.6999999999999984, 2.8999999999999977, 2.9499999999999975, 3.049999999999997, 3.049999999999997, 3.049999999999997 },
    LongFactors = new[] { 1.0299999713897705, 1.0499999523162842, 1.0499999523162842, 1.0799999237060547, 1.2299998998641968, 1.2299998998641968, 1.2999999523162842, 1.4499999284744263, 1.5999999046325684, 1.6499998569488525, 1.8999998569488525, 2.859999895095825, 3.68999981880188, 5.419999599456787, 5.489999771118164, 5.489999771118164, 9.09000015258789, 11.579999923706055, 15.65999984741211, 15.769999504089355, 15.789999961853027, 18.360000610351562, 21.989999771118164, 23.079999923706055, 30.009998321533203, 32.35000228881836, 32.590003967285156, 35.56000518798828, 39.95000457763672, 53.840003967285156, 56.20000457763672, 57.95000457763672, 59.29000473022461, 59.77000427246094, 59.920005798339844, 61.190006256103516, 61.96000671386719, 62.50000762939453, 63.3700065612793, 63.48000717163086, 63.48000717163086, 63.66000747680664, 63.850006103515625, 64.08000946044922, 64.760009765625, 64.80001068115234, 64.81001281738281, 64.81001281738281 })]
public partial class Phi3Vision128kSu { }
