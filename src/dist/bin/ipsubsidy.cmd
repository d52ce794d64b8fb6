@echo off
rem ipsubsidy, from the distribution archive, for Windows: needs only a Java 17+ runtime.
rem JAVA_HOME chooses the Java, else the java on PATH; JAVA_OPTS adds JVM options, e.g. -Xmx4g.
rem ASCII only: cmd.exe reads a batch file in the console's OEM code page (936 on a Chinese PC),
rem so Chinese here would be garbled; Java prints every Chinese line, in the console's charset.
rem file.encoding=UTF-8 is for files only; the terminal's charset is the console's own.
setlocal
set "DIR=%~dp0"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined JAVA_HOME (
  where java >nul 2>nul || goto nojava
)
rem Quick start: an everyday quarter is over before the optimising JIT compiler (C2) pays back
rem the CPU it spends, so only the first tier (C1) compiles; a claims file above 8 MB (about
rem 120,000 claims) gets the full compiler (see docs/performance.md). SHIFT leaves %* whole.
set "IPSUBSIDY_JIT=-XX:TieredStopAtLevel=1"
rem reconcile and the ledger commands work over the whole ledger, which grows every quarter:
rem the full compiler.
if /i "%~1"=="reconcile" set "IPSUBSIDY_JIT="
if /i "%~1"=="ledger" set "IPSUBSIDY_JIT="
:args
if "%~1"=="" goto launch
set "SIZE="
if exist "%~1" if not exist "%~1\" set "SIZE=%~z1"
if defined SIZE if %SIZE% GTR 8000000 set "IPSUBSIDY_JIT="
shift
goto args
:launch
rem A batch job wants throughput, not short pauses: the parallel collector spends less CPU than
rem G1 (see docs/performance.md). Options that choose a collector themselves keep theirs.
set "IPSUBSIDY_GC=-XX:+UseParallelGC"
echo.%JAVA_OPTS% | findstr /i /c:"GC" >nul && set "IPSUBSIDY_GC="
"%JAVA%" %IPSUBSIDY_JIT% %IPSUBSIDY_GC% %JAVA_OPTS% -Dfile.encoding=UTF-8 -cp "%DIR%..\lib\*" cn.ipsubsidy.cli.IpSubsidy %*
exit /b %ERRORLEVEL%

:nojava
echo ipsubsidy: no Java found ^(17 or later needed^): install a Java runtime or set JAVA_HOME 1>&2
exit /b 2
