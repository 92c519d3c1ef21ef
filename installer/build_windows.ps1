# Build the Windows installer. Run from the repository root in PowerShell on Windows 10/11 x64:
#
#   py -3.11 -m venv .venv
#   .venv\Scripts\python -m pip install -e ".[dist]"
#   powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
#
# Needs Inno Setup 6.3 or later (https://jrsoftware.org/isinfo.php; `winget install JRSoftware.InnoSetup`);
# ISCC.exe is looked up on PATH, then in the default install folders.
# Output: dist\agentdesk\ (the PyInstaller build) and dist\agentdesk-<version>-windows-x64-setup.exe
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

$python = ".venv\Scripts\python.exe"
# 1. The one-folder build (same spec as Linux and macOS).
& $python -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller installer\agentdesk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# 2. The version, from the frozen build itself (pyproject.toml -> dist-info -> --version).
$out = & dist\agentdesk\agentdesk.exe --version
if ($LASTEXITCODE -ne 0) { throw "dist\agentdesk\agentdesk.exe --version failed" }
$version = ($out -replace '^agentdesk\s+', '').Trim()
$numeric = & $python -c "import sys; sys.path.insert(0, 'installer'); import buildinfo; print(buildinfo.windows_version('$version'))"
Write-Host "Agentdesk $version ($numeric)"

# 3. Smoke test of the frozen build before packaging it.
$env:QT_QPA_PLATFORM = "offscreen"
& dist\agentdesk\agentdesk.exe store seed --url "sqlite:///$env:TEMP\agentdesk-smoke.db" --customers 20
if ($LASTEXITCODE -ne 0) { throw "frozen store seed failed" }
& dist\agentdesk\agentdesk.exe lookup --url "sqlite:///$env:TEMP\agentdesk-smoke.db" --customer C0000001
if ($LASTEXITCODE -ne 0) { throw "frozen lookup failed" }
Remove-Item "$env:TEMP\agentdesk-smoke.db*" -ErrorAction SilentlyContinue
Remove-Item Env:\QT_QPA_PLATFORM

# 4. The installer.
$iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
    $iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
              "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $iscc) { throw "ISCC.exe (Inno Setup 6) not found" }
& $iscc "/DAppVersion=$version" "/DAppVersionNumeric=$numeric" installer\agentdesk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Get-Item "dist\agentdesk-$version-windows-x64-setup.exe" | Format-List Name, Length
