@echo off
rem ipsubsidy launcher for Windows offices: builds the runnable jar on first use, then runs it.
setlocal
set "HERE=%~dp0.."
set "JAR=%HERE%\target\ipsubsidy-all.jar"
if not exist "%JAR%" (
  echo ipsubsidy: 首次使用，正在构建 / building the tool ^(first use^)... 1>&2
  pushd "%HERE%"
  call mvnw.cmd -B -q -DskipTests -Dman.skip -Dassembly.skipAssembly package 1>&2
  if errorlevel 1 (
    popd
    echo ipsubsidy: 构建失败 / build failed 1>&2
    exit /b 2
  )
  for %%f in (target\ipsubsidy-*-all.jar) do copy /y "%%f" "%JAR%" >nul
  popd
)
if "%IPSUBSIDY_JAVA_OPTS%"=="" set "IPSUBSIDY_JAVA_OPTS=-Xshare:auto"
java %IPSUBSIDY_JAVA_OPTS% -Dfile.encoding=UTF-8 -jar "%JAR%" %*
exit /b %ERRORLEVEL%
