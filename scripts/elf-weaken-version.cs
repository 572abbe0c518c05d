// Marks one symbol-version requirement (e.g. GLIBCXX_3.4.32) of an ELF64 shared library as weak,
// so the dynamic loader accepts a libstdc++ that lacks that version. Used by prepare-torchsharp.sh
// on distributions whose libstdc++ is older than the one TorchSharp's native library was built with.
// Usage: dotnet run elf-weaken-version.cs -- <library.so> <version-name>
// Exit codes: 0 patched or already weak, 1 version not required by the library, 2 bad input.
using System.Buffers.Binary;
using System.Text;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: elf-weaken-version.cs <library.so> <version-name>");
    return 2;
}

var path = args[0];
var wanted = args[1];
byte[] elf;
try { elf = File.ReadAllBytes(path); }
catch (IOException e) { Console.Error.WriteLine($"{path}: cannot read: {e.Message}"); return 2; }

if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
{
    Console.Error.WriteLine($"{path}: not a little-endian ELF64 file");
    return 2;
}

const uint ShtGnuVerneed = 0x6ffffffe;
const ushort VerFlgWeak = 0x2;
ulong sectionTable = BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28));
int sectionSize = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3A));
int sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3C));

Span<byte> Section(int index) => elf.AsSpan(checked((int)sectionTable + index * sectionSize), sectionSize);

for (int s = 0; s < sectionCount; s++)
{
    var header = Section(s);
    if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != ShtGnuVerneed) continue;
    int offset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header[24..]));
    int stringsSection = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[40..]);
    int needCount = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[44..]);
    int strings = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(Section(stringsSection)[24..]));

    string Name(uint at)
    {
        int start = strings + (int)at, end = Array.IndexOf(elf, (byte)0, start);
        return Encoding.ASCII.GetString(elf, start, end - start);
    }

    int need = offset;
    for (int n = 0; n < needCount; n++)
    {
        int auxCount = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(need + 2));
        int aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(need + 8));
        for (int a = 0; a < auxCount; a++)
        {
            if (Name(BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(aux + 8))) == wanted)
            {
                var flags = elf.AsSpan(aux + 4, 2);
                ushort value = BinaryPrimitives.ReadUInt16LittleEndian(flags);
                if ((value & VerFlgWeak) != 0) { Console.WriteLine($"{path}: {wanted} already weak"); return 0; }
                BinaryPrimitives.WriteUInt16LittleEndian(flags, (ushort)(value | VerFlgWeak));
                var temporary = path + ".weaken.tmp";
                File.WriteAllBytes(temporary, elf);
                File.Move(temporary, path, overwrite: true);
                Console.WriteLine($"{path}: marked {wanted} weak");
                return 0;
            }
            aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(aux + 12));
        }
        need += (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(need + 12));
    }
}

Console.Error.WriteLine($"{path}: does not require {wanted}");
return 1;
