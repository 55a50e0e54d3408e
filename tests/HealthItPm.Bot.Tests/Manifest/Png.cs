using System.Buffers.Binary;
using System.IO.Compression;

namespace HealthItPm.Bot.Tests.Manifest;

/// <summary>
/// Just enough of PNG to check app icons: size, and the RGBA pixels of an 8-bit truecolour-with-alpha
/// image (what an outline icon is). No image package is available here, so the decoder is the test's own.
/// </summary>
public sealed record Png(int Width, int Height, byte ColorType, byte BitDepth, byte[] Data)
{
    public static Png Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!file.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException("Not a PNG file.");
        }

        int width = 0, height = 0;
        byte colorType = 0, bitDepth = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset < file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(file, offset + 4, 4);
            var chunk = file.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(chunk);
                height = BinaryPrimitives.ReadInt32BigEndian(chunk[4..]);
                bitDepth = chunk[8];
                colorType = chunk[9];
            }
            else if (type == "IDAT")
            {
                idat.Write(chunk);
            }

            offset += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new Png(width, height, colorType, bitDepth, inflated.ToArray());
    }

    /// <summary>The pixels as RGBA, rows unfiltered; only for 8-bit RGBA images.</summary>
    public IEnumerable<(byte R, byte G, byte B, byte A)> RgbaPixels()
    {
        if (ColorType != 6 || BitDepth != 8)
        {
            throw new InvalidDataException($"Expected 8-bit RGBA (colour type 6), got colour type {ColorType}, depth {BitDepth}.");
        }

        const int bytesPerPixel = 4;
        var stride = Width * bytesPerPixel;
        var previous = new byte[stride];
        for (var row = 0; row < Height; row++)
        {
            var filter = Data[row * (stride + 1)];
            var line = Data.AsSpan((row * (stride + 1)) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bytesPerPixel ? line[i - bytesPerPixel] : 0, up = previous[i], upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => 0,
                });
            }

            for (var x = 0; x < Width; x++)
            {
                yield return (line[x * 4], line[(x * 4) + 1], line[(x * 4) + 2], line[(x * 4) + 3]);
            }

            previous = line;
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
